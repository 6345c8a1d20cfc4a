import { guardedFetch } from "@mspgraph/schema";
import { TEST_OUTBOUND } from "@mspgraph/schema/testing";
import { countRequests, rejectionOf as rejectionOfType } from "../../testing/vendor-test-helpers.js";
import { SyncroClient } from "../client/client.js";
import { SyncroApiError } from "../client/errors.js";
import type { TSyncroClientOptions } from "../client/options.js";
import { afterEach } from "vitest";
import { type TSyncroServer, type TSyncroServerOptions, startSyncroServer } from "./syncro-server.js";

/** A client for the local server, with millisecond backoff so retries do not slow tests down. */
export function clientFor(server: TSyncroServer, options: Partial<TSyncroClientOptions> = {}): SyncroClient {
  return new SyncroClient({ baseUrl: server.url, apiToken: server.token, fetch: guardedFetch(TEST_OUTBOUND), backoffBaseMs: 1, backoffCapMs: 20, timeoutMs: 2_000, ...options });
}


/** The statuses the server answered a path with, in order. */
export const statusesFor = (server: TSyncroServer, path: string) => server.requests.filter((request) => request.path === path).map((request) => request.status);


/** Waits until `check` holds, polling; fails after `timeoutMs` so a broken test does not hang. */
export async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A logger that keeps every line, to assert on what was logged (and what never was). */
export function recordingLogger() {
  const lines: { level: "info" | "warn"; obj: Record<string, unknown>; msg: string }[] = [];
  return {
    lines,
    info: (obj: Record<string, unknown>, msg: string) => void lines.push({ level: "info", obj, msg }),
    warn: (obj: Record<string, unknown>, msg: string) => void lines.push({ level: "warn", obj, msg }),
  };
}

export { countRequests };

/** The SyncroApiError a call rejected with; throws if it resolved or threw something else. */
export const rejectionOf = (call: Promise<unknown>) => rejectionOfType(SyncroApiError, call);

/** Returns a `start()` for tests: each call starts a local Syncro server, closed after the test. */
export function syncroServerPerTest(): (options?: TSyncroServerOptions) => Promise<TSyncroServer> {
  const servers: TSyncroServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (options) => {
    const server = await startSyncroServer(options);
    servers.push(server);
    return server;
  };
}
