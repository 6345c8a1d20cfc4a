import { Msp360Client, type TMsp360ClientOptions } from "../client/client.js";
import { Msp360ApiError } from "../client/errors.js";
import type { TMsp360Server } from "./msp360-server.js";

/** A client for the local server, with backoff that does not actually wait. */
export function clientFor(server: TMsp360Server, options: Partial<TMsp360ClientOptions> = {}): Msp360Client {
  return new Msp360Client({
    baseUrl: server.url,
    userName: server.credentials.userName,
    password: server.credentials.password,
    backoffBaseMs: 1,
    sleep: async () => undefined,
    ...options,
  });
}

/** How many requests the server saw, optionally only those answered with `status`. */
export function countRequests(server: TMsp360Server, filter: { method?: string; path: string; status?: number }): number {
  return server.requests.filter(
    (request) =>
      request.path === filter.path &&
      (filter.method === undefined || request.method === filter.method) &&
      (filter.status === undefined || request.status === filter.status),
  ).length;
}

export const countLogins = (server: TMsp360Server) => countRequests(server, { method: "POST", path: "/api/Provider/Login" });

/** A clock tests move by hand, shared by client and server so tokens age without waiting. */
export function manualClock(start = new Date("2025-03-10T09:00:00Z")) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}

/** The Msp360ApiError a call rejected with; throws if it resolved or threw something else. */
export async function rejectionOf(call: Promise<unknown>): Promise<Msp360ApiError> {
  const outcome = await call.then(
    () => new Error("expected the call to fail, but it succeeded"),
    (error: unknown) => error,
  );
  if (outcome instanceof Msp360ApiError) return outcome;
  throw outcome instanceof Error ? outcome : new Error(`expected an Msp360ApiError, got ${String(outcome)}`);
}
