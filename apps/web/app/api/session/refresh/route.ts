import type { NextRequest } from "next/server";
import { csrfRejection } from "../../../../lib/csrf";
import { readSession } from "../../../../lib/session/cookies";
import { beginImpersonation, endImpersonation } from "../../../../lib/session/impersonation";
import { rotate } from "../../../../lib/session/refresh";
import { guarded, reply } from "../../../../lib/session/respond";

// Renews what can be renewed: the access token (a new pair from the refresh token), or, while
// impersonating, the impersonation itself (stopped and started again for another 30 minutes,
// the same subject and reason). The sign-in's own end cannot move: that takes the password.
export async function POST(request: NextRequest): Promise<Response> {
  const rejected = csrfRejection(request);
  if (rejected) return rejected;
  return guarded(request, async () => {
    const session = readSession(request);
    const ended = { ok: false as const, message: "Your session has ended. Sign in again.", code: "UNAUTHENTICATED" };
    if (!session || session.meta.sessionEndsAt <= Date.now()) return reply(request, ended, { status: 401, session: "clear" });
    const step = session.meta.impersonation.at(-1);
    if (step) {
      const parent = await endImpersonation(request, session);
      if (!parent) return reply(request, ended, { status: 401, session: "clear" });
      const again = await beginImpersonation(request, parent.session, step);
      if ("message" in again) return reply(request, { ok: false, message: again.message, code: again.code }, { status: 400, session: parent.session });
      return reply(request, { ok: true }, { session: again.session });
    }
    const rotated = await rotate(session.refreshToken, request);
    if (!rotated) return reply(request, ended, { status: 401, session: "clear" });
    return reply(request, { ok: true }, { session: { accessToken: rotated.accessToken, refreshToken: rotated.refreshToken, meta: { ...session.meta, accessExpiresAt: rotated.accessExpiresAt } } });
  });
}

export const dynamic = "force-dynamic";
