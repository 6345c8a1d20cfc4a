import { type NextRequest, NextResponse } from "next/server";
import { actingAs, clearSession, homeOf, readSession } from "./lib/session/cookies";
import { areaOf } from "./lib/session/routes";

// Sends each page request to where its session belongs before anything renders: no session
// to a sign-in page (remembering where it was going), client users away from staff pages,
// staff away from the portal. The API enforces all of it again; this only spares a page of errors.
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const area = areaOf(pathname);
  const session = readSession(request);
  const go = (path: string) => NextResponse.redirect(new URL(path, request.url));
  if (session && session.meta.sessionEndsAt <= Date.now() && area !== "public") {
    const response = go(`${area === "portal" ? "/portal/login" : "/login"}?reason=ended`);
    clearSession(request, response);
    return response;
  }
  if (!session) {
    if (area === "staff") return go(`/login?next=${encodeURIComponent(pathname + search)}`);
    if (area === "portal") return go(`/portal/login?next=${encodeURIComponent(pathname + search)}`);
    return area === "home" ? go("/login") : NextResponse.next();
  }
  const acting = actingAs(session.meta);
  if (area === "home" || area === "staff-login" || area === "portal-login") return go(homeOf(session.meta));
  if (area === "staff" && acting === "client") return go("/portal");
  if (area === "portal" && acting === "staff") return go(homeOf(session.meta));
  return NextResponse.next();
}

export const config = { matcher: ["/((?!_next/|api/|graphql|favicon\\.ico|.*\\.(?:png|svg|jpg|ico|css|js)$).*)"] };
