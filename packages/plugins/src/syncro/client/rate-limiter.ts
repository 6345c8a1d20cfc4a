import { sleep } from "./backoff.js";

/**
 * What the client waits on before each request.
 * @remarks Syncro counts requests per IP address, so everything leaving from one address
 * should share one limiter; the plugin's is kept in the database (`EgressLimiter`).
 */
export type TSyncroLimiter = {
  /** The span the limit counts over; a 429 without Retry-After holds everyone this long. */
  readonly windowMs: number;
  /** Resolves when one more request may start, and counts it as started. */
  acquire(): Promise<void>;
  /** Holds every caller sharing the limit until `ms` from now (extends, never shortens). */
  pauseFor(ms: number): Promise<void>;
};

export type TRateLimiterOptions = {
  maxRequests: number;
  windowMs: number;
  now?: () => number;
};

/**
 * An in-memory sliding-window limiter: never more than `maxRequests` starts in any `windowMs`
 * span, for a client used on its own (one script, one address).
 * @remarks Callers queue in arrival order rather than being dropped, so a burst of calls is
 * spread out instead of failing. `pauseFor` holds everyone back after Syncro answered 429.
 */
export class SlidingWindowLimiter implements TSyncroLimiter {
  private readonly maxRequests: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly starts: number[] = [];
  private pausedUntil = 0;
  // Each acquire waits for the one before it, which keeps the queue first-come first-served.
  private tail: Promise<void> = Promise.resolve();

  constructor(options: TRateLimiterOptions) {
    if (!Number.isInteger(options.maxRequests) || options.maxRequests < 1) throw new RangeError("maxRequests must be a whole number >= 1");
    if (!(options.windowMs > 0)) throw new RangeError("windowMs must be > 0");
    this.maxRequests = options.maxRequests;
    this.windowMs = options.windowMs;
    this.now = options.now ?? (() => performance.now());
  }

  /** Resolves when one more request may start, and counts it as started. */
  acquire(): Promise<void> {
    const turn = this.tail.then(() => this.waitForSlot());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every queued and future caller until `ms` from now (extends, never shortens). */
  async pauseFor(ms: number): Promise<void> {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - this.windowMs) this.starts.shift();
      const waitForPause = this.pausedUntil - now;
      const oldest = this.starts[0];
      const waitForWindow = this.starts.length >= this.maxRequests && oldest !== undefined ? oldest + this.windowMs - now : 0;
      const wait = Math.max(waitForPause, waitForWindow);
      if (wait <= 0) {
        this.starts.push(now);
        return;
      }
      await sleep(wait);
    }
  }
}
