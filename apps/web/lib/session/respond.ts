import { NextResponse } from "next/server";
import { type TSession, clearSession, writeSession } from "./cookies";
import { UNREACHABLE_MESSAGE } from "./messages";
import { ApiUnreachableError } from "./upstream";

export type TSessionReply = { ok: true; redirectTo?: string } | { ok: false; message: string; field?: string; code?: string };

/** A JSON answer from a session route, writing or clearing the cookies as it goes. */
export function reply(request: Request, body: TSessionReply, options: { status?: number; session?: TSession | "clear" } = {}): NextResponse {
  const response = NextResponse.json(body, { status: options.status ?? (body.ok ? 200 : 400), headers: { "cache-control": "no-store" } });
  if (options.session === "clear") clearSession(request, response);
  else if (options.session) writeSession(request, response, options.session);
  return response;
}

/** Runs a session route; an unreachable API is a 502 in plain words, never a stack trace. */
export async function guarded(request: Request, run: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiUnreachableError) return reply(request, { ok: false, message: UNREACHABLE_MESSAGE, code: "API_UNREACHABLE" }, { status: 502 });
    if (error instanceof SyntaxError) return reply(request, { ok: false, message: "The request was not valid JSON.", code: "BAD_REQUEST" }, { status: 400 });
    throw error;
  }
}

/** Only same-site paths, so a crafted ?next= cannot send someone elsewhere after sign-in. */
export function safePath(value: unknown, fallback: string): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}
