import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// The request id must reach places that only see an error (the masker) or a log call.
const scope = new AsyncLocalStorage<{ requestId: string }>();

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Runs one request's handling with its id: the caller's `x-request-id` if sane, else a new one. */
export function runInRequestScope<T>(incomingId: string | null | undefined, work: () => T): T {
  const requestId = incomingId && SAFE_ID.test(incomingId) ? incomingId : randomUUID();
  return scope.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
