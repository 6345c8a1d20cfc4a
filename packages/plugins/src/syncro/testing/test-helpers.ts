import { SyncroClient } from "../client/client.js";
import { SyncroApiError } from "../client/errors.js";
import type { TSyncroClientOptions } from "../client/options.js";
import type { TSyncroServer } from "./syncro-server.js";

/** A client for the local server, with millisecond backoff so retries do not slow tests down. */
export function clientFor(server: TSyncroServer, options: Partial<TSyncroClientOptions> = {}): SyncroClient {
  return new SyncroClient({ baseUrl: server.url, apiToken: server.token, backoffBaseMs: 1, backoffCapMs: 20, timeoutMs: 2_000, ...options });
}

/** How many requests the server saw, optionally only those answered with `status`. */
export function countRequests(server: TSyncroServer, filter: { method?: string; path: string; status?: number }): number {
  return server.requests.filter(
    (request) =>
      request.path === filter.path &&
      (filter.method === undefined || request.method === filter.method) &&
      (filter.status === undefined || request.status === filter.status),
  ).length;
}

/** The statuses the server answered a path with, in order. */
export const statusesFor = (server: TSyncroServer, path: string) => server.requests.filter((request) => request.path === path).map((request) => request.status);

/** The SyncroApiError a call rejected with; throws if it resolved or threw something else. */
export async function rejectionOf(call: Promise<unknown>): Promise<SyncroApiError> {
  const outcome = await call.then(
    () => new Error("expected the call to fail, but it succeeded"),
    (error: unknown) => error,
  );
  if (outcome instanceof SyncroApiError) return outcome;
  throw outcome instanceof Error ? outcome : new Error(`expected a SyncroApiError, got ${String(outcome)}`);
}

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
