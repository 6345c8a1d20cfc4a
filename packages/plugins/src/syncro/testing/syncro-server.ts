import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SyncroFaults } from "./faults.js";
import { railsErrors, readJsonBody, sendJson } from "./http-helpers.js";
import { SyncroIpRateLimit } from "./ip-rate-limit.js";
import { API_PREFIX, route } from "./routes.js";
import { SyncroServerState } from "./store.js";

export type TSyncroServerOptions = {
  /** The API token the server accepts. Default: a random one. */
  token?: string;
  /** The server's clock for created_at/updated_at. Default: the real one. */
  now?: () => Date;
  /**
   * The per-IP limit: Syncro's 180 a minute by default; tests shrink the window, or pass one
   * instance to several servers so that, like Syncro, they count our address's requests together.
   */
  rateLimit?: SyncroIpRateLimit | { max?: number; windowMs?: number };
  /** Comments a ticket's payload embeds before it is cut short (default 20); `/comments` has them all. */
  embeddedComments?: number;
};

export type TSyncroRecordedRequest = {
  method: string;
  /** Relative to the API base, e.g. `/tickets/12/comment`. */
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  /** Set once the answer was completely sent. */
  status?: number;
};

export type TSyncroServer = {
  /** The API base URL, ending in /api/v1. */
  url: string;
  token: string;
  state: SyncroServerState;
  /** Every request in arrival order. */
  requests: TSyncroRecordedRequest[];
  faults: SyncroFaults;
  rateLimit: SyncroIpRateLimit;
  close(): Promise<void>;
};

/**
 * A local Syncro-compatible REST API on 127.0.0.1 and a free port, for tests.
 * @remarks Serves the documented endpoints from the in-memory `state`, refusing more than
 * Syncro's per-IP limit; `faults` makes it fail, stall, rate-limit or answer in the wrong shape.
 */
export async function startSyncroServer(options: TSyncroServerOptions = {}): Promise<TSyncroServer> {
  const token = options.token ?? `T${randomBytes(16).toString("hex")}`;
  const state = new SyncroServerState({ now: options.now ?? (() => new Date()), ...(options.embeddedComments === undefined ? {} : { embeddedComments: options.embeddedComments }) });
  const faults = new SyncroFaults();
  const rateLimit = options.rateLimit instanceof SyncroIpRateLimit ? options.rateLimit : new SyncroIpRateLimit(options.rateLimit);
  const requests: TSyncroRecordedRequest[] = [];
  const lifetime = new AbortController();
  const ctx = { state, faults, rateLimit, token, signal: lifetime.signal };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const query = Object.fromEntries([...url.searchParams].filter(([key]) => key !== "api_key"));
    const record: TSyncroRecordedRequest = { method: req.method ?? "GET", path: url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname, query, body: undefined };
    requests.push(record);
    res.on("finish", () => {
      record.status = res.statusCode;
    });
    readJsonBody(req)
      .then((body) => {
        record.body = body;
        return route({ req, res, url, body, ctx });
      })
      .catch(() => {
        // A closing server aborts delayed answers; anything else is a bug worth a 500.
        if (!res.headersSent && !lifetime.signal.aborted) sendJson(res, { status: 500, body: railsErrors(["Internal Server Error"]) });
        else res.destroy();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${API_PREFIX}`,
    token,
    state,
    requests,
    faults,
    rateLimit,
    close: async () => {
      lifetime.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
