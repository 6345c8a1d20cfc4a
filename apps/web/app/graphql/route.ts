import { apiUrl } from "../../lib/api-url";

// The browser talks only to the web server, which forwards GraphQL to the API.
const FORWARDED_HEADERS = ["accept", "content-type", "authorization", "x-request-id", "user-agent"];

async function forward(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  try {
    const upstream = await fetch(`${apiUrl()}/graphql${url.search}`, {
      method: request.method,
      headers,
      body: request.method === "GET" ? undefined : await request.text(),
    });
    return new Response(upstream.body, { status: upstream.status, headers: { "content-type": upstream.headers.get("content-type") ?? "application/json" } });
  } catch {
    return Response.json({ errors: [{ message: "The API is not reachable", extensions: { code: "API_UNREACHABLE" } }] }, { status: 502 });
  }
}

export const GET = forward;
export const POST = forward;
export const dynamic = "force-dynamic";
