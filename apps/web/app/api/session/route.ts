import type { NextRequest } from "next/server";
import { actingAs, currentEnd, readSession } from "../../../lib/session/cookies";
import type { TSessionStatus } from "../../../lib/session/status";

/** What page scripts may know about their session: its timing, never its tokens (TSessionStatus). */
export async function GET(request: NextRequest): Promise<Response> {
  const session = readSession(request);
  const headers = { "cache-control": "no-store" };
  if (!session) return Response.json({ signedIn: false } satisfies TSessionStatus, { headers });
  const { email, accessExpiresAt, sessionEndsAt, impersonation } = session.meta;
  const kind = actingAs(session.meta);
  const status: TSessionStatus = { signedIn: true, kind, email, accessExpiresAt, sessionEndsAt, endsAt: currentEnd(session.meta), impersonating: impersonation.length > 0, now: Date.now() };
  return Response.json(status, { headers });
}

export const dynamic = "force-dynamic";
