import type { NextRequest } from "next/server";
import { readFragment } from "../graphql";
import { csrfRejection } from "../csrf";
import { readSession } from "./cookies";
import { sessionFrom, writePendingMfa } from "./new-session";
import { signInProblem } from "./messages";
import { ClientLoginMutation, LoginMutation, LogoutMutation, SessionFields } from "./operations";
import { guarded, reply } from "./respond";
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
      if (payload?.mfaToken && (payload.mfaRequired || payload.mfaEnrollmentRequired)) {
        // The password was right; the second factor's step finishes the sign-in (app/api/session/mfa).
        const code = payload.mfaRequired ? "MFA_REQUIRED" : "MFA_ENROLLMENT_REQUIRED";
        const response = reply(request, { ok: false, message: signInProblem(kind, { code }), code }, { status: 401 });
        writePendingMfa(request, response, { mfaToken: payload.mfaToken, kind, email: parsed.data.email, next: parsed.data.next });
        return response;
      }
      const signedIn = raw ? sessionFrom(raw, { kind, email: parsed.data.email, next: parsed.data.next }) : null;
      if (!signedIn) {
        const code = payload?.userErrors[0]?.code ?? "INVALID_CREDENTIALS";
        return reply(request, { ok: false, message: signInProblem(kind, { code }), code }, { status: 401 });
      }
      // Signing in again ("Stay signed in" at a session's end) replaces the old session.
      if (previous) await callApi({ document: LogoutMutation, token: previous.accessToken, request }).catch(() => undefined);
      return reply(request, { ok: true, redirectTo: signedIn.redirectTo }, { session: signedIn.session });
    });
  };
}
