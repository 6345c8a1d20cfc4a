import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { csrfRejection } from "../csrf";
import { readSession, writeSession } from "./cookies";
import { readPendingMfa, sessionFrom, writePendingMfa } from "./new-session";
import { signInProblem } from "./messages";
import { ConfirmEnrollmentMutation, LogoutMutation, StartEnrollmentMutation, VerifyMfaMutation } from "./operations";
import { guarded, reply } from "./respond";
import { callApi } from "./upstream";

const ZMfaStep = z.discriminatedUnion("action", [
  z.object({ action: z.literal("verify"), code: z.string().trim().optional(), recoveryCode: z.string().trim().optional() }),
  z.object({ action: z.literal("start-enrollment") }),
  z.object({ action: z.literal("confirm-enrollment"), code: z.string().trim() }),
]);

const expired = (request: NextRequest) =>
  reply(request, { ok: false, message: "That sign-in has expired. Enter your email and password again.", code: "MFA_EXPIRED" }, { status: 401 });
const wrongCode = (request: NextRequest, message?: string) =>
  reply(request, { ok: false, message: message ?? "That code is wrong or was already used. Try the next one your app shows.", field: "code", code: "INVALID_CODE" }, { status: 400 });

/**
 * POST /api/session/mfa: the second step of a sign-in whose password was right, read from
 * the httpOnly cookie the sign-in left: a code (or recovery code), or enrolling an
 * authenticator where one is required. Only the enrolment's new secret reaches the page.
 */
export async function mfaStepHandler(request: NextRequest): Promise<Response> {
  const rejected = csrfRejection(request);
  if (rejected) return rejected;
  return guarded(request, async () => {
    const pending = readPendingMfa(request);
    const parsed = ZMfaStep.safeParse(await request.json());
    if (!parsed.success) return reply(request, { ok: false, message: "Enter the code from your authenticator app.", field: "code", code: "BAD_USER_INPUT" });
    if (!pending) return expired(request);
    const step = parsed.data;
    if (step.action === "start-enrollment") {
      const result = await callApi({ document: StartEnrollmentMutation, variables: { input: { mfaToken: pending.mfaToken } }, request });
      const started = result.data?.startTotpEnrollment;
      if (!started?.secret || !started.otpauthUrl) return expired(request);
      return NextResponse.json({ ok: true, secret: started.secret, otpauthUrl: started.otpauthUrl }, { headers: { "cache-control": "no-store" } });
    }
    const result =
      step.action === "verify"
        ? await callApi({ document: VerifyMfaMutation, variables: { input: { mfaToken: pending.mfaToken, code: step.code || null, recoveryCode: step.recoveryCode || null } }, request })
        : await callApi({ document: ConfirmEnrollmentMutation, variables: { input: { mfaToken: pending.mfaToken, code: step.code } }, request });
    const error = result.errors?.[0];
    if (error?.extensions?.code === "UNAUTHENTICATED") return expired(request);
    if (error) return reply(request, { ok: false, message: signInProblem(pending.kind, error), code: error.extensions?.code }, { status: error.extensions?.code === "RATE_LIMITED" ? 429 : 400 });
    const data = result.data as Record<string, any> | null | undefined;
    const raw = step.action === "verify" ? data?.verifyMfa : data?.confirmTotpEnrollment?.session;
    const signedIn = raw ? sessionFrom(raw, pending) : null;
    if (!signedIn) return wrongCode(request);
    const previous = readSession(request);
    if (previous) await callApi({ document: LogoutMutation, token: previous.accessToken, request }).catch(() => undefined);
    const recoveryCodes: string[] | undefined = data?.confirmTotpEnrollment?.recoveryCodes ?? undefined;
    const response = NextResponse.json({ ok: true, redirectTo: signedIn.redirectTo, ...(recoveryCodes ? { recoveryCodes } : {}) }, { headers: { "cache-control": "no-store" } });
    writeSession(request, response, signedIn.session);
    writePendingMfa(request, response, null);
    return response;
  });
}
