/** The header every state-changing request from our own pages carries (lib/urql.ts, lib/session/actions.ts). */
export const CSRF_HEADER = "x-mspgraph-csrf";

/** The origin the browser sees, honouring the proxy in front of `next start` when there is one. */
function expectedOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = request.headers.get("origin");
  return origin !== null && origin === expectedOrigin(request);
}

/**
 * A 403 for a non-GET request that lacks our custom header or comes from another site;
 * null when the request may go on. Cookies are SameSite=Lax already: this is the second lock.
 */
export function csrfRejection(request: Request): Response | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  if (request.headers.get(CSRF_HEADER) === "1" && isSameOrigin(request)) return null;
  return Response.json(
    { errors: [{ message: "This request did not come from the mspgraph web app", extensions: { code: "CSRF_REJECTED" } }] },
    { status: 403 },
  );
}
