import { CSRF_HEADER } from "../csrf";
import type { TSessionReply } from "./respond";
import type { TSessionStatus } from "./status";

/** POSTs to one of the web server's session routes (app/api/session/*) with the CSRF header. */
export async function postSession(path: string, body: unknown = {}): Promise<TSessionReply> {
  try {
    const response = await fetch(`/api/session/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    return (await response.json()) as TSessionReply;
  } catch {
    return { ok: false, message: "The web app can't be reached. Check your connection and try again.", code: "NETWORK" };
  }
}

export async function sessionStatus(): Promise<TSessionStatus> {
  const response = await fetch("/api/session", { credentials: "same-origin", cache: "no-store" });
  return (await response.json()) as TSessionStatus;
}

/**
 * Starts viewing as a client (partner OWNER/ADMIN) or a partner (platform admins).
 * @param input.reason why, for the audit log (at least 3 characters)
 * @remarks On `{ ok: true }` the caller navigates: client -> "/portal", partner -> "/dashboard".
 */
export async function startImpersonation(input: { clientId?: string; partnerId?: string; reason: string }): Promise<{ ok: true } | { ok: false; message: string }> {
  const returnTo = `${window.location.pathname}${window.location.search}`;
  const result = await postSession("impersonate", { ...input, returnTo });
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}

/** Ends the current impersonation and goes back to the page it was started from. */
export async function exitImpersonation(): Promise<void> {
  const result = await postSession("exit-impersonation");
  window.location.assign(result.ok && result.redirectTo ? result.redirectTo : "/login");
}

/** Ends the session at the API and on this browser, then shows the sign-in page. */
export async function signOut(reason: "signed-out" | "ended" = "signed-out"): Promise<void> {
  const result = await postSession(reason === "ended" ? "logout?reason=ended" : "logout");
  window.location.assign(result.ok && result.redirectTo ? result.redirectTo : "/login");
}
