import { fullJitterDelay } from "./backoff.js";
import { errorForStatus, Msp360ApiError } from "./errors.js";

export type TMsp360TransportOptions = {
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  fetch: typeof globalThis.fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
};

export type TMsp360Request = {
  method: "GET" | "POST";
  path: string;
  accessToken?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Keep MSP360's error text out of the error (the login answer may echo what was sent). */
  sensitive?: boolean;
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
      const detail = request.sensitive ? undefined : await errorDetail(response);
      if (request.sensitive) await response.body?.cancel();
      throw errorForStatus({ status: response.status, method: request.method, path: request.path, ...(detail ? { detail } : {}) });
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
  const code = networkCode(error);
  return new Msp360ApiError({
    kind: "unreachable",
    message: `MSP360 could not be reached for ${describe}${code ? ` (${code})` : ""}; check the network and the API address`,
    cause: error,
  });
}

function networkCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

// ASP.NET answers errors as {"Message": "..."}; OWIN's token endpoint as {"error_description": "..."}.
async function errorDetail(response: Response): Promise<string | undefined> {
  const text = (await response.text().catch(() => "")).slice(0, 2000);
  try {
    const body = JSON.parse(text) as { Message?: unknown; error_description?: unknown };
    const message = body.Message ?? body.error_description;
    return typeof message === "string" ? message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
