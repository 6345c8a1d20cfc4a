import type { NextRequest } from "next/server";
import { z } from "zod";
import { csrfRejection } from "../../../../lib/csrf";
import { readSession } from "../../../../lib/session/cookies";
import { beginImpersonation } from "../../../../lib/session/impersonation";
import { freshSession } from "../../../../lib/session/refresh";
import { guarded, reply, safePath } from "../../../../lib/session/respond";

const ZImpersonateInput = z
  .object({ clientId: z.string().min(1).optional(), partnerId: z.string().min(1).optional(), reason: z.string().trim(), returnTo: z.string().optional() })
  .refine((input) => Boolean(input.clientId) !== Boolean(input.partnerId), { message: "Name exactly one of clientId and partnerId." });

export async function POST(request: NextRequest): Promise<Response> {
  const rejected = csrfRejection(request);
  if (rejected) return rejected;
  return guarded(request, async () => {
    const parsed = ZImpersonateInput.safeParse(await request.json());
    if (!parsed.success) return reply(request, { ok: false, message: parsed.error.issues[0]!.message, code: "BAD_USER_INPUT" });
    const { session, ended } = await freshSession(readSession(request), request);
    if (!session) return reply(request, { ok: false, message: "Your session has ended. Sign in again.", code: "UNAUTHENTICATED" }, { status: 401, ...(ended ? { session: "clear" } : {}) });
    if (parsed.data.reason.length < 3) return reply(request, { ok: false, message: "Say why you are viewing as them (at least 3 characters), for the audit log.", field: "reason", code: "BAD_USER_INPUT" });
    const { clientId, partnerId, reason } = parsed.data;
    const target = { subjectType: clientId ? ("CLIENT" as const) : ("PARTNER" as const), subjectId: (clientId ?? partnerId)!, reason, returnTo: safePath(parsed.data.returnTo, "/dashboard") };
    const started = await beginImpersonation(request, session, target);
    if ("message" in started) return reply(request, { ok: false, message: started.message, code: started.code }, { status: started.code === "FORBIDDEN" ? 403 : 400, session });
    return reply(request, { ok: true, redirectTo: clientId ? "/portal" : "/dashboard" }, { session: started.session });
  });
}

export const dynamic = "force-dynamic";
