import type { NextRequest } from "next/server";
import { webEnv } from "../env";
import { readFragment } from "../graphql";
import { csrfRejection } from "../csrf";
import { homeOf, readSession } from "./cookies";
import { signInProblem } from "./messages";
import { ClientLoginMutation, LoginMutation, LogoutMutation, SessionFields } from "./operations";
import { guarded, reply, safePath } from "./respond";
import { ZSignInInput } from "./sign-in-input";
import { callApi } from "./upstream";


/** POST handler for one of the two sign-in flows (staff: login, client portal: clientLogin). */
export function signInHandler(kind: "staff" | "client") {
  return async function POST(request: NextRequest): Promise<Response> {
    const rejected = csrfRejection(request);
    if (rejected) return rejected;
    return guarded(request, async () => {
      const parsed = ZSignInInput.safeParse(await request.json());
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return reply(request, { ok: false, message: issue.message, field: String(issue.path[0]), code: "BAD_USER_INPUT" });
      }
      const previous = readSession(request);
      const input = { email: parsed.data.email, password: parsed.data.password };
      const result = kind === "staff" ? await callApi({ document: LoginMutation, variables: { input }, request }) : await callApi({ document: ClientLoginMutation, variables: { input }, request });
      if (result.errors?.length) {
        const status = result.errors[0]?.extensions?.code === "RATE_LIMITED" ? 429 : 400;
        return reply(request, { ok: false, message: signInProblem(kind, result.errors[0]!), code: result.errors[0]?.extensions?.code }, { status });
      }
      const raw = result.data && ("login" in result.data ? result.data.login : "clientLogin" in result.data ? result.data.clientLogin : null);
      const payload = raw ? readFragment(SessionFields, raw) : null;
      // The second factor's steps are not part of this page yet: say so rather than blame the password.
      if (payload?.mfaRequired || payload?.mfaEnrollmentRequired) {
        return reply(request, { ok: false, message: signInProblem(kind, { code: "MFA_REQUIRED" }), code: "MFA_REQUIRED" }, { status: 401 });
      }
      if (!payload?.accessToken || !payload.refreshToken || !payload.expiresAt) {
        const code = payload?.userErrors[0]?.code ?? "INVALID_CREDENTIALS";
        return reply(request, { ok: false, message: signInProblem(kind, { code }), code }, { status: 401 });
      }
      // Signing in again ("Stay signed in" at a session's end) replaces the old session.
      if (previous) await callApi({ document: LogoutMutation, token: previous.accessToken, request }).catch(() => undefined);
      const now = Date.now();
      const session = {
        accessToken: payload.accessToken,
        refreshToken: payload.refreshToken,
        meta: { kind, email: payload.viewer?.email ?? parsed.data.email, platformAdmin: payload.viewer?.staffRole === "PLATFORM_ADMIN", accessExpiresAt: Date.parse(payload.expiresAt), sessionEndsAt: now + webEnv().MSPGRAPH_WEB_SESSION_TTL_SECONDS * 1000, impersonation: [] },
      };
      const home = homeOf(session.meta);
      const next = safePath(parsed.data.next, home);
      return reply(request, { ok: true, redirectTo: kind === "client" ? (next.startsWith("/portal") ? next : home) : next }, { session });
    });
  };
}
