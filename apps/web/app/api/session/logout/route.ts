import type { NextRequest } from "next/server";
import { csrfRejection } from "../../../../lib/csrf";
import { readSession } from "../../../../lib/session/cookies";
import { LogoutMutation } from "../../../../lib/session/operations";
import { reply } from "../../../../lib/session/respond";
import { callApi } from "../../../../lib/session/upstream";

// Ends the session at the API (so its tokens stop working at once) and forgets the cookies.
// The cookies go even when the API cannot be reached: signing out must always work here.
export async function POST(request: NextRequest): Promise<Response> {
  const rejected = csrfRejection(request);
  if (rejected) return rejected;
  const session = readSession(request);
  const reason = new URL(request.url).searchParams.get("reason") === "ended" ? "ended" : "signed-out";
  if (session) await callApi({ document: LogoutMutation, token: session.accessToken, request }).catch(() => undefined);
  // Without cookies (they expire with the session) the page the user was on decides.
  const from = new URL(request.headers.get("referer") ?? "/", request.url).pathname;
  const portal = session ? session.meta.kind === "client" : from.startsWith("/portal");
  const signIn = portal ? "/portal/login" : "/login";
  return reply(request, { ok: true, redirectTo: `${signIn}?reason=${reason}` }, { session: "clear" });
}

export const dynamic = "force-dynamic";
