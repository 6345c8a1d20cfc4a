import type { OutboundFetch } from "@mspgraph/schema";
import type { z } from "zod";
import { fullJitterDelay, sleep } from "./backoff.js";
import { SyncroApiError } from "./errors.js";
import type { HealthTracker } from "./health.js";
import type { TSyncroLimiter } from "./rate-limiter.js";
import { explainUnauthorized } from "./unauthorized.js";
import { sendOnce } from "./send-once.js";

/** The pino-style logger the client reports retries and health changes to. */
export type TSyncroLogger = {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
};

export type TSyncroTransport = {
  baseUrl: string;
  apiToken: string;
  timeoutMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A Retry-After longer than this fails the call instead of holding it. */
  maxRetryAfterMs: number;
  fetch: OutboundFetch;
  random: () => number;
  limiter: TSyncroLimiter;
  health: HealthTracker;
  logger: TSyncroLogger | undefined;
};

export type TSyncroMethod = "GET" | "POST" | "PUT" | "DELETE";
export type TSyncroQuery = Record<string, string | number | undefined>;
export type TSyncroRequest<T> = { method: TSyncroMethod; path: string; query?: TSyncroQuery; body?: unknown; schema: z.ZodType<T> };

// Repeating these cannot create a second record, so they may be retried after any transient failure.
const IDEMPOTENT = new Set<TSyncroMethod>(["GET", "PUT", "DELETE"]);

/**
 * Sends one logical call: waits for the rate limiter, retries what may pass, validates the
 * answer with `schema`, and records the outcome in the connection's health.
 * @remarks POSTs are retried only after a 429, because Syncro refused those before doing
 * anything. After a timeout or a 5xx Syncro may already have created the ticket or comment,
 * and sending it again would post it twice; the caller gets the error instead.
 */
export async function callSyncro<T>(transport: TSyncroTransport, request: TSyncroRequest<T>): Promise<T> {
  try {
    const result = await withRetries(transport, request);
    transport.health.recordSuccess();
    return result;
  } catch (caught) {
    if (!(caught instanceof SyncroApiError)) throw caught;
    const error = caught.kind === "unauthorized" ? await explainUnauthorized(transport, request, caught) : caught;
    // A 404 or a rejected input still proves the host answers and accepts the token.
    if (error.kind === "not_found" || error.kind === "bad_request") transport.health.recordSuccess();
    else transport.health.recordFailure(error.message, { partial: error.kind === "forbidden" });
    throw error;
  }
}

async function withRetries<T>(transport: TSyncroTransport, request: TSyncroRequest<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await transport.limiter.acquire();
    try {
      return await sendOnce(transport, request);
    } catch (error) {
      if (!(error instanceof SyncroApiError)) throw error;
      const delayMs = await retryDelay({ transport, request, error, attempt });
      if (delayMs === undefined) throw error;
      transport.logger?.warn(
        { call: `${request.method} ${request.path}`, attempt: attempt + 1, delayMs, kind: error.kind, status: error.status },
        "Syncro call failed; retrying",
      );
      await sleep(delayMs);
    }
  }
}

/**
 * How long to wait before the next attempt, or undefined to give up.
 * @remarks After a 429 the limiter holds everyone who shares it, not just this caller, since
 * Syncro counts per IP address: for the Retry-After when one is sent, else (Syncro documents
 * none) for a whole window, the only wait sure to cover the rest of Syncro's minute.
 */
async function retryDelay(input: { transport: TSyncroTransport; request: TSyncroRequest<unknown>; error: SyncroApiError; attempt: number }): Promise<number | undefined> {
  const { transport, error, attempt } = input;
  if (error.kind === "rate_limited") {
    const pauseMs = error.retryAfterMs ?? transport.limiter.windowMs;
    await transport.limiter.pauseFor(Math.min(pauseMs, transport.maxRetryAfterMs));
    if (pauseMs > transport.maxRetryAfterMs || attempt >= transport.maxRetries) return undefined;
    return pauseMs;
  }
  if (attempt >= transport.maxRetries) return undefined;
  const retryable = IDEMPOTENT.has(input.request.method) && error.transient;
  if (!retryable) return undefined;
  return fullJitterDelay({ attempt, baseMs: transport.backoffBaseMs, capMs: transport.backoffCapMs, random: transport.random });
}
