import type { NextRequest } from "next/server";
import { csrfRejection } from "../../../../lib/csrf";
import { readSession } from "../../../../lib/session/cookies";
import { endImpersonation } from "../../../../lib/session/impersonation";
import { guarded, reply } from "../../../../lib/session/respond";

export async function POST(request: NextRequest): Promise<Response> {
  const rejected = csrfRejection(request);
  if (rejected) return rejected;
  return guarded(request, async () => {
    const session = readSession(request);
    if (!session) return reply(request, { ok: true, redirectTo: "/login?reason=ended" });
    if (session.meta.impersonation.length === 0) return reply(request, { ok: true, redirectTo: session.meta.kind === "client" ? "/portal" : "/dashboard" });
    const back = await endImpersonation(request, session);
    if (!back) return reply(request, { ok: true, redirectTo: "/login?reason=ended" }, { session: "clear" });
    return reply(request, { ok: true, redirectTo: back.returnTo }, { session: back.session });
  });
}

export const dynamic = "force-dynamic";
