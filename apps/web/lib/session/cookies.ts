import type { NextRequest, NextResponse } from "next/server";
import { z } from "zod";

const ACCESS_COOKIE = "mspgraph_access";
const REFRESH_COOKIE = "mspgraph_refresh";
const META_COOKIE = "mspgraph_session";

const ZImpersonationStep = z.object({
  /** The API's global id of the partner or client taken on (to start it again on "Stay signed in"). */
  subjectId: z.string(),
  subjectType: z.enum(["PARTNER", "CLIENT"]),
  reason: z.string(),
  expiresAt: z.number(),
  /** Where the actor was when they started, to go back there on exit. */
  returnTo: z.string(),
});

const ZSessionMeta = z.object({
  kind: z.enum(["staff", "client"]),
  email: z.string(),
  platformAdmin: z.boolean().default(false),
  accessExpiresAt: z.number(),
  sessionEndsAt: z.number(),
  impersonation: z.array(ZImpersonationStep).default([]),
});

export type TImpersonationStep = z.infer<typeof ZImpersonationStep>;
export type TSessionMeta = z.infer<typeof ZSessionMeta>;

/** Everything the web server keeps about a browser's session; all three cookies are httpOnly. */
export type TSession = { accessToken: string; refreshToken: string; meta: TSessionMeta };

export function readSession(request: NextRequest): TSession | null {
  const accessToken = request.cookies.get(ACCESS_COOKIE)?.value;
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  const rawMeta = request.cookies.get(META_COOKIE)?.value;
  if (!accessToken || !refreshToken || !rawMeta) return null;
  try {
    const meta = ZSessionMeta.safeParse(JSON.parse(rawMeta));
    return meta.success ? { accessToken, refreshToken, meta: meta.data } : null;
  } catch {
    return null;
  }
}

function cookieOptions(request: Request, expiresAt: number) {
  const secure = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")) === "https";
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", expires: new Date(expiresAt) };
}

export function writeSession(request: Request, response: NextResponse, session: TSession): void {
  const options = cookieOptions(request, session.meta.sessionEndsAt);
  response.cookies.set(ACCESS_COOKIE, session.accessToken, options);
  response.cookies.set(REFRESH_COOKIE, session.refreshToken, options);
  response.cookies.set(META_COOKIE, JSON.stringify(session.meta), options);
}

export function clearSession(request: Request, response: NextResponse): void {
  const options = cookieOptions(request, 0);
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE, META_COOKIE]) response.cookies.set(name, "", options);
}

/** The end the browser should plan for: an impersonation's expiry or the sign-in's own end. */
export function currentEnd(meta: TSessionMeta): number {
  const step = meta.impersonation.at(-1);
  return step ? Math.min(step.expiresAt, meta.sessionEndsAt) : meta.sessionEndsAt;
}

/** Who the session acts as now: a staff member impersonating a client acts as a client user. */
export function actingAs(meta: TSessionMeta): "staff" | "client" {
  const step = meta.impersonation.at(-1);
  if (!step) return meta.kind;
  return step.subjectType === "CLIENT" ? "client" : "staff";
}

/** The page a session starts on: the portal, a platform admin's partner list, or the dashboard. */
export function homeOf(meta: TSessionMeta): string {
  if (actingAs(meta) === "client") return "/portal";
  return meta.platformAdmin && meta.impersonation.length === 0 ? "/partners" : "/dashboard";
}
