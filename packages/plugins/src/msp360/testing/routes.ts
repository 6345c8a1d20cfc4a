import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as wait } from "node:timers/promises";
import type { Msp360Faults, TMsp360Fault } from "./faults.js";
import { readJsonBody, sendJson, sendMessage, streamJsonArray } from "./http-helpers.js";
import type { Msp360ServerState } from "./server-state.js";
import type { TMsp360WireComputersPage } from "./wire-types.js";

export type TMsp360RecordedRequest = {
  method: string;
  path: string;
  /** Set once the answer was completely sent. */
  status?: number;
  /** The client went away before the answer was complete. */
  aborted?: boolean;
};

export type TMsp360RouteContext = {
  state: Msp360ServerState;
  faults: Msp360Faults;
  chunkRows: number;
  /** Aborted when the server closes, so delayed answers stop waiting. */
  signal: AbortSignal;
};

const LOGIN = "/api/Provider/Login";
const DENIED = "Authorization has been denied for this request.";

/** Answers one request the way MSP360's API does, after applying any queued fault. */
export async function route(req: IncomingMessage, res: ServerResponse, ctx: TMsp360RouteContext): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const isLogin = path.toLowerCase() === LOGIN.toLowerCase();
  const fault = ctx.faults.take(isLogin);
  if (fault?.kind === "delay") await wait(fault.ms, undefined, { signal: ctx.signal });
  if (fault && applyFault(res, fault)) return;
  if (isLogin) return login(req, res, ctx);
  if (req.method !== "GET") return sendMessage(res, 405, `The requested resource does not support http method '${req.method}'.`);
  if (!authorized(req, ctx)) return sendMessage(res, 401, DENIED);

  const monitoring = /^\/api\/Monitoring(?:\/([^/]+))?\/?$/i.exec(path);
  if (monitoring) {
    const userId = monitoring[1] === undefined ? undefined : decodeURIComponent(monitoring[1]);
    if (userId !== undefined && !ctx.state.users().some((user) => user.ID === userId)) return sendMessage(res, 404, "User not found.");
    const stall = fault?.kind === "stall" ? { stallAfterFirstChunkMs: fault.ms } : {};
    return streamJsonArray({ res, rows: ctx.state.monitoringRows(userId), chunkRows: ctx.chunkRows, signal: ctx.signal, ...stall });
  }
  if (/^\/api\/Companies\/?$/i.test(path)) return sendJson(res, 200, ctx.state.companies());
  if (/^\/api\/Users\/?$/i.test(path)) return sendJson(res, 200, ctx.state.users());
  const computers = /^\/api\/Computers\/(-?\d+)\/(-?\d+)\/?$/i.exec(path);
  if (computers) {
    const offset = Number(computers[1]);
    const count = Number(computers[2]);
    if (offset < 0 || count < 1) return sendMessage(res, 400, "Offset must be 0 or more and count 1 or more.");
    const all = ctx.state.computers();
    const page: TMsp360WireComputersPage = { Count: all.length, Message: null, StatusCode: 200, Computers: all.slice(offset, offset + count) };
    return sendJson(res, 200, page);
  }
  sendMessage(res, 404, `No HTTP resource was found that matches the request URI '${path}'.`);
}

// Returns true when the fault answered the request itself.
function applyFault(res: ServerResponse, fault: TMsp360Fault): boolean {
  switch (fault.kind) {
    case "fail":
      sendMessage(res, fault.status, fault.message ?? "An error has occurred.");
      return true;
    case "unauthorized":
      sendMessage(res, 401, DENIED);
      return true;
    case "badPayload":
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      res.end("<html><body><h1>502 Bad Gateway</h1><p>The upstream server sent an invalid response.</p></body></html>");
      return true;
    default:
      return false;
  }
}

function authorized(req: IncomingMessage, ctx: TMsp360RouteContext): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return match?.[1] !== undefined && ctx.state.isValidToken(match[1]);
}

// OWIN's token endpoint: 400 for a malformed request or wrong credentials.
async function login(req: IncomingMessage, res: ServerResponse, ctx: TMsp360RouteContext): Promise<void> {
  if (req.method !== "POST") return sendMessage(res, 405, `The requested resource does not support http method '${req.method}'.`);
  const body = (await readJsonBody(req)) as { UserName?: unknown; Password?: unknown } | undefined;
  if (typeof body?.UserName !== "string" || typeof body.Password !== "string") {
    return sendJson(res, 400, { error: "invalid_request", error_description: "UserName and Password are required." });
  }
  if (!ctx.state.checkCredentials(body.UserName, body.Password)) {
    return sendJson(res, 400, { error: "invalid_grant", error_description: "The user name or password is incorrect." });
  }
  const token = ctx.state.issueToken();
  sendJson(res, 200, {
    access_token: token.accessToken,
    token_type: "bearer",
    expires_in: Math.floor(ctx.state.tokenLifetimeMs / 1000),
    ".issued": token.issuedAt.toUTCString(),
    ".expires": token.expiresAt.toUTCString(),
  });
}
