import { type NextRequest, NextResponse } from "next/server";
import { apiUrl } from "../../lib/api-url";
import { csrfRejection } from "../../lib/csrf";
import { clearSession, readSession, writeSession } from "../../lib/session/cookies";
import { SESSION_ENDED_HEADER } from "../../lib/session/constants";
import { freshSession } from "../../lib/session/refresh";
import { clientHeaders } from "../../lib/session/upstream";

// The browser talks only to the web server, which forwards GraphQL to the API with the
// session's access token (never visible to page scripts) and renews it on the way.
async function forward(request: NextRequest): Promise<Response> {
  const rejected = csrfRejection(request);
  if (rejected) return rejected;
  const url = new URL(request.url);
  const headers = clientHeaders(request);
  for (const name of ["accept", "content-type"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  let fresh;
  try {
    fresh = await freshSession(readSession(request), request);
  } catch {
    return unreachable();
  }
  if (fresh.session) headers.set("authorization", `Bearer ${fresh.session.accessToken}`);
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl()}/graphql${url.search}`, {
      method: request.method,
      headers,
      body: request.method === "GET" ? undefined : await request.text(),
      signal: request.signal,
    });
  } catch {
    return unreachable();
  }
  const response = new NextResponse(upstream.body, {
    status: upstream.status,
    headers: { "content-type": upstream.headers.get("content-type") ?? "application/json", "cache-control": "no-store" },
  });
  if (fresh.ended) {
    clearSession(request, response);
    response.headers.set(SESSION_ENDED_HEADER, "ended");
  } else if (fresh.changed && fresh.session) {
    writeSession(request, response, fresh.session);
  }
  return response;
}

function unreachable(): Response {
  return Response.json({ errors: [{ message: "The API is not reachable", extensions: { code: "API_UNREACHABLE" } }] }, { status: 502 });
}

export const GET = forward;
export const POST = forward;
export const dynamic = "force-dynamic";
