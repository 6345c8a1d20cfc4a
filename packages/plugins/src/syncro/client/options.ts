import { type OutboundFetch, guardedFetch } from "@mspgraph/schema";
import { HealthTracker, type TSyncroHealthListener } from "./health.js";
import { SlidingWindowLimiter, type TSyncroLimiter } from "./rate-limiter.js";
import type { TSyncroLogger, TSyncroTransport } from "./transport.js";

/** Syncro's documented limit per IP address. */
export const SYNCRO_REQUESTS_PER_MINUTE = 180;

export type TSyncroClientOptions = {
  /** From `syncroBaseUrl(subdomain)`; tests point it at the local server. */
  baseUrl: string;
  apiToken: string;
  /** Per attempt, including reading the body. Default 10 s. */
  timeoutMs?: number;
  /**
   * The limiter every call waits on; shared by all that leave from one address, since Syncro
   * counts per IP. Default: one of this client's own, from the two settings below.
   */
  limiter?: TSyncroLimiter;
  /** Syncro allows 180 a minute per IP address; the default 170 leaves room for clock skew. */
  maxRequestsPerMinute?: number;
  /** The limiter's window. Default 60 s; tests shorten it. */
  windowMs?: number;
  /** Extra attempts after a retryable failure. Default 3. */
  maxRetries?: number;
  /** First backoff ceiling; it doubles per attempt. Default 1 s. */
  backoffBaseMs?: number;
  /** Highest backoff ceiling. Default 60 s. */
  backoffCapMs?: number;
  /** A Retry-After above this fails the call rather than holding it. Default 2 min. */
  maxRetryAfterMs?: number;
  /** Consecutive failed calls that turn DEGRADED into FAILING. Default 3. */
  failingAfter?: number;
  /** The core's guarded fetch (the plugin passes its context's); strict when omitted. */
  fetch?: OutboundFetch;
  /** The jitter source, injectable so backoff can be made predictable. */
  random?: () => number;
  onHealthChange?: TSyncroHealthListener;
  logger?: TSyncroLogger;
};

/** Fills in the defaults and builds the limiter (unless given) and the health tracker. */
export function transportFromOptions(options: TSyncroClientOptions): TSyncroTransport {
  if (!options.apiToken.trim()) throw new RangeError("A Syncro API token is required");
  const maxRequests = options.maxRequestsPerMinute ?? 170;
  if (maxRequests > SYNCRO_REQUESTS_PER_MINUTE) throw new RangeError(`Syncro allows at most ${SYNCRO_REQUESTS_PER_MINUTE} requests a minute`);
  const logger = options.logger;
  const onHealthChange: TSyncroHealthListener = (health) => {
    const log = health.status === "OK" ? logger?.info.bind(logger) : logger?.warn.bind(logger);
    log?.({ status: health.status, lastError: health.lastError }, "Syncro connection health changed");
    options.onHealthChange?.(health);
  };
  return {
    baseUrl: new URL(options.baseUrl).toString().replace(/\/+$/, ""),
    apiToken: options.apiToken,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRetries: options.maxRetries ?? 3,
    backoffBaseMs: options.backoffBaseMs ?? 1_000,
    backoffCapMs: options.backoffCapMs ?? 60_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    fetch: options.fetch ?? guardedFetch(),
    random: options.random ?? Math.random,
    limiter: options.limiter ?? new SlidingWindowLimiter({ maxRequests, windowMs: options.windowMs ?? 60_000 }),
    health: new HealthTracker({ failingAfter: options.failingAfter ?? 3, onChange: onHealthChange }),
    logger,
  };
}
