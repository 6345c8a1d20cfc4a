/** Shared by the local vendor servers' tests: one way to count requests and catch typed errors. */

type RecordedRequest = { method: string; path: string; status?: number };

/** How many requests a local server saw, optionally only those answered with `status`. */
export function countRequests(server: { requests: readonly RecordedRequest[] }, filter: { method?: string; path: string; status?: number }): number {
  return server.requests.filter(
    (request) =>
      request.path === filter.path &&
      (filter.method === undefined || request.method === filter.method) &&
      (filter.status === undefined || request.status === filter.status),
  ).length;
}

/** The error of class `type` a call rejected with; throws if it resolved or threw something else. */
export async function rejectionOf<E extends Error>(type: new (...args: never[]) => E, call: Promise<unknown>): Promise<E> {
  const outcome = await call.then(
    () => new Error("expected the call to fail, but it succeeded"),
    (error: unknown) => error,
  );
  if (outcome instanceof type) return outcome;
  throw outcome instanceof Error ? outcome : new Error(`expected a ${type.name}, got ${String(outcome)}`);
}
