import type { NextRequest } from "next/server";
import { webEnv } from "../env";
import { type FragmentOf, readFragment } from "../graphql";
import { type TSession, homeOf } from "./cookies";
import { SessionFields } from "./operations";
import { safePath } from "./respond";

const MFA_COOKIE = "mspgraph_mfa";
// The API's mfaToken lives 5 (code) or 15 (enrolment) minutes; the cookie no longer.
const MFA_COOKIE_SECONDS = 15 * 60;

/** A sign-in waiting for its second factor: kept in an httpOnly cookie, never shown to page scripts. */
export type TPendingMfa = { mfaToken: string; kind: "staff" | "client"; email: string; next?: string | undefined };

export function readPendingMfa(request: NextRequest): TPendingMfa | null {
  try {
    const value = JSON.parse(request.cookies.get(MFA_COOKIE)?.value ?? "null") as TPendingMfa | null;
    return value && typeof value.mfaToken === "string" && (value.kind === "staff" || value.kind === "client") ? value : null;
  } catch {
    return null;
  }
}

type TCookieJar = { cookies: { set(name: string, value: string, options: object): unknown } };
export function writePendingMfa(request: Request, response: TCookieJar, pending: TPendingMfa | null): void {
  const secure = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")) === "https";
  const expires = pending ? new Date(Date.now() + MFA_COOKIE_SECONDS * 1000) : new Date(0);
  response.cookies.set(MFA_COOKIE, pending ? JSON.stringify(pending) : "", { httpOnly: true, sameSite: "lax", secure, path: "/api/session", expires });
}

/** The web session for an API session payload, and where the browser goes next; null when it holds no tokens. */
export function sessionFrom(raw: FragmentOf<typeof SessionFields>, options: { kind: "staff" | "client"; email: string; next?: string | undefined }): { session: TSession; redirectTo: string } | null {
  const payload = readFragment(SessionFields, raw);
  if (!payload.accessToken || !payload.refreshToken || !payload.expiresAt) return null;
  const session: TSession = {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    meta: {
      kind: options.kind,
      email: payload.viewer?.email ?? options.email,
      platformAdmin: payload.viewer?.staffRole === "PLATFORM_ADMIN",
      accessExpiresAt: Date.parse(payload.expiresAt),
      sessionEndsAt: Date.now() + webEnv().MSPGRAPH_WEB_SESSION_TTL_SECONDS * 1000,
      impersonation: [],
    },
  };
  const home = homeOf(session.meta);
  const next = safePath(options.next, home);
  return { session, redirectTo: options.kind === "client" ? (next.startsWith("/portal") ? next : home) : next };
}
