import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as wait } from "node:timers/promises";
import { accountRoutes } from "./account-routes.js";
import { directoryRoutes } from "./directory-routes.js";
import type { SyncroFaults, TSyncroFault } from "./faults.js";
import { railsErrors, sendJson, sendNotFound, sendUnauthorized } from "./http-helpers.js";
import { PERMISSION_DENIED_BODY, permissionFor } from "./permissions.js";
import type { SyncroIpRateLimit } from "./ip-rate-limit.js";
import type { TRoute } from "./route-types.js";
import type { SyncroServerState } from "./store.js";
import { ticketRoutes } from "./ticket-routes.js";

export const API_PREFIX = "/api/v1";

export type TSyncroRouteContext = {
  state: SyncroServerState;
  faults: SyncroFaults;
  /** Counts every request by client IP, before anything else looks at it. */
  rateLimit: SyncroIpRateLimit;
  token: string;
  /** Aborted when the server closes, so delayed answers stop waiting. */
  signal: AbortSignal;
};

// Account routes first: /tickets/settings must not be read as the ticket "settings".
const routes: TRoute[] = [...accountRoutes, ...ticketRoutes, ...directoryRoutes];

/** Answers one request the way Syncro's API does, after applying any queued fault. */
export async function route(input: {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: Record<string, unknown> | undefined;
  ctx: TSyncroRouteContext;
}): Promise<void> {
  const { req, res, url, ctx } = input;
  if (!ctx.rateLimit.take(req.socket.remoteAddress ?? "unknown")) return sendRateLimited(res, undefined);
  const decision = ctx.faults.take();
  if (decision.kind === "delay") await wait(decision.ms, undefined, { signal: ctx.signal });
  else if (decision.kind !== "none") return applyFault(res, decision);
  if (!url.pathname.startsWith(`${API_PREFIX}/`)) return sendNotFound(res);
  if (ctx.state.tokenRevoked || !authorized(req, url, ctx.token)) return sendUnauthorized(res);

  const path = url.pathname.slice(API_PREFIX.length);
  // Syncro answers a missing permission with 401, like a dead token, but with its own words.
  const permission = permissionFor(req.method ?? "GET", path);
  if (permission && ctx.state.deniedPermissions.has(permission)) return sendJson(res, { status: 401, body: PERMISSION_DENIED_BODY });
  for (const candidate of routes) {
    const match = candidate.method === req.method ? candidate.pattern.exec(path) : null;
    if (!match) continue;
    return candidate.handle({ res, query: url.searchParams, params: match.slice(1).map((part) => decodeURIComponent(part ?? "")), body: input.body, state: ctx.state });
  }
  sendNotFound(res);
}

function applyFault(res: ServerResponse, fault: Exclude<TSyncroFault, { kind: "delay" }>): void {
  switch (fault.kind) {
    case "fail":
      return fault.status === 401 ? sendUnauthorized(res) : sendJson(res, { status: fault.status, body: railsErrors([fault.message ?? "Something went wrong"]) });
    case "rateLimit":
      return sendRateLimited(res, fault.retryAfterSeconds);
    case "badPayload":
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      // A JSON array fits none of Syncro's documented answers, which are all objects.
      res.end(fault.body ?? JSON.stringify(["Service temporarily unavailable"]));
      return;
  }
}

// Syncro documents neither a body nor Retry-After for its 429: Rack::Attack's plain-text default.
function sendRateLimited(res: ServerResponse, retryAfterSeconds: number | undefined): void {
  res.writeHead(429, { "Content-Type": "text/plain", ...(retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) }) });
  res.end("Retry later\n");
}

// Syncro takes a Bearer token, and still the older ?api_key= form.
function authorized(req: IncomingMessage, url: URL, token: string): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  return (bearer ?? url.searchParams.get("api_key")) === token;
}
