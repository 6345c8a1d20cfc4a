import { type OutboundFetch, describeNetworkFailure, isOutboundRefusal } from "@mspgraph/schema";
import { fullJitterDelay } from "./backoff.js";
import { errorForStatus, Msp360ApiError } from "./errors.js";

export type TMsp360TransportOptions = {
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  fetch: OutboundFetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
};

export type TMsp360Request = {
  method: "GET" | "POST";
  path: string;
  accessToken?: string;
  body?: unknown;
  signal?: AbortSignal;
};

/** What `read` gets: the response with its body unread, and the attempt's abort handle. */
export type TMsp360Attempt = { response: Response; controller: AbortController; describe: string };

// The abort reason our own timers use, so a timeout can be told apart from a caller's cancel.
export class TimeoutAbort extends Error {}

export const formatDuration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

/**
 * Sends one call to MSP360 with a per-attempt timeout, and retries GETs that failed in a
 * way that may pass (5xx, timeout, network) with full-jitter backoff.
 * @remarks `read` runs inside the attempt, so reading a JSON body is covered by the same
 * timeout and retry; a streaming reader returns early and keeps the controller instead.
 */
export async function sendToMsp360<T>(
  options: TMsp360TransportOptions,
  request: TMsp360Request,
  read: (attempt: TMsp360Attempt) => Promise<T>,
): Promise<T> {
  const retries = request.method === "GET" ? options.maxRetries : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendOnce(options, request, read);
    } catch (error) {
      const retryable = error instanceof Msp360ApiError && error.retryable && !request.signal?.aborted;
      if (!retryable || attempt >= retries) throw error;
      await options.sleep(fullJitterDelay({ attempt, baseMs: options.backoffBaseMs, capMs: options.backoffCapMs, random: options.random }));
    }
  }
}

async function sendOnce<T>(options: TMsp360TransportOptions, request: TMsp360Request, read: (attempt: TMsp360Attempt) => Promise<T>): Promise<T> {
  const describe = `${request.method} ${request.path}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutAbort()), options.timeoutMs);
  const signal = request.signal ? AbortSignal.any([controller.signal, request.signal]) : controller.signal;
  try {
    const response = await options.fetch(new URL(request.path, options.baseUrl), {
      method: request.method,
      headers: headersFor(request),
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal,
    });
    if (!response.ok) {
      // The body is never read: whatever answered must not get its words in front of the caller.
      await response.body?.cancel().catch(() => undefined);
      throw errorForStatus({ status: response.status, method: request.method, path: request.path });
    }
    return await read({ response, controller, describe });
  } catch (error) {
    throw classifyFailure({ error, controller, request, describe, timeoutMs: options.timeoutMs });
  } finally {
    clearTimeout(timer);
  }
}

function headersFor(request: TMsp360Request): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  if (request.accessToken) headers.Authorization = `Bearer ${request.accessToken}`;
  return headers;
}

/** Turns whatever a fetch or read threw into an Msp360ApiError, except a caller's own cancel. */
export function classifyFailure(input: { error: unknown; controller: AbortController; request: TMsp360Request; describe: string; timeoutMs: number }): unknown {
  const { error, controller, request, describe } = input;
  if (error instanceof Msp360ApiError) return error;
  if (controller.signal.reason instanceof TimeoutAbort) {
    return new Msp360ApiError({ kind: "timeout", message: `MSP360 did not answer ${describe} within ${formatDuration(input.timeoutMs)}` });
  }
  if (request.signal?.aborted) return request.signal.reason;
  const because = describeNetworkFailure(error);
  if (isOutboundRefusal(error)) return new Msp360ApiError({ kind: "not_allowed", message: `MSP360 may not be called for ${describe}: ${because}`, cause: error });
  return new Msp360ApiError({ kind: "unreachable", message: `MSP360 could not be reached for ${describe} (${because}); check the network and the API address`, cause: error });
}
