import type { TImpersonationStep, TSession } from "./cookies";
import { StartImpersonationMutation, StopImpersonationMutation } from "./operations";
import { callApi } from "./upstream";
import { rotate } from "./refresh";

type TTarget = { subjectType: "PARTNER" | "CLIENT"; subjectId: string; reason: string; returnTo: string };

/** Takes on a partner or client; the session then acts as them until expiry or exit. */
export async function beginImpersonation(request: Request, session: TSession, target: TTarget): Promise<{ session: TSession } | { message: string; code: string }> {
  const input = { reason: target.reason, ...(target.subjectType === "CLIENT" ? { clientId: target.subjectId } : { partnerId: target.subjectId }) };
  const result = await callApi({ document: StartImpersonationMutation, variables: { input }, token: session.accessToken, request });
  const payload = result.data?.startImpersonation;
  if (!payload?.accessToken || !payload.expiresAt) {
    const problem = payload?.userErrors[0] ?? result.errors?.[0];
    const code = (problem && "code" in problem ? problem.code : result.errors?.[0]?.extensions?.code) ?? "FORBIDDEN";
    const message = code === "FORBIDDEN" ? "You are not allowed to view as them." : code === "NOT_FOUND" ? "They could not be found (archived or removed)." : (problem?.message ?? "That did not work.");
    return { message: message.charAt(0).toUpperCase() + message.slice(1), code };
  }
  const expiresAt = Date.parse(payload.expiresAt);
  const step: TImpersonationStep = { ...target, expiresAt };
  const meta = { ...session.meta, accessExpiresAt: expiresAt, impersonation: [...session.meta.impersonation, step] };
  return { session: { ...session, accessToken: payload.accessToken, meta } };
}

/**
 * Ends the innermost impersonation and returns to the session it was started from. When the
 * API cannot resume that (it ran out), falls back to the actor's own sign-in; null when even
 * that has ended.
 */
export async function endImpersonation(request: Request, session: TSession): Promise<{ session: TSession; returnTo: string } | null> {
  const step = session.meta.impersonation.at(-1);
  const returnTo = step?.returnTo ?? "/dashboard";
  const result = await callApi({ document: StopImpersonationMutation, token: session.accessToken, request }).catch(() => null);
  const resumed = result?.data?.stopImpersonation;
  const rest = session.meta.impersonation.slice(0, -1);
  if (resumed?.accessToken && resumed.expiresAt) {
    return { session: { ...session, accessToken: resumed.accessToken, meta: { ...session.meta, accessExpiresAt: Date.parse(resumed.expiresAt), impersonation: rest } }, returnTo };
  }
  const own = await rotate(session.refreshToken, request);
  if (!own) return null;
  return { session: { accessToken: own.accessToken, refreshToken: own.refreshToken, meta: { ...session.meta, accessExpiresAt: own.accessExpiresAt, impersonation: [] } }, returnTo: session.meta.impersonation[0]?.returnTo ?? returnTo };
}
