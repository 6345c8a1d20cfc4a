export type TSyncroFault =
  | { kind: "fail"; status: number; message?: string }
  | { kind: "rateLimit"; retryAfterSeconds: number | undefined }
  | { kind: "delay"; ms: number }
  | { kind: "badPayload"; body: string | undefined };

/** What the server should do about one request before routing it. */
export type TSyncroFaultDecision = TSyncroFault | { kind: "none" };

type TQueued = { fault: TSyncroFault; remaining: number };

/**
 * Failures the fake Syncro serves to the next requests, in the order queued, plus an
 * optional real per-window rate limit.
 * @remarks A 429 that carries Retry-After is kept honestly: until that time has passed,
 * every request is refused again, so a client that retries too early is caught by counting
 * the 429s the server sent.
 */
export class SyncroFaults {
  private readonly queue: TQueued[] = [];
  private limit: { max: number; windowMs: number; accepted: number[] } | null = null;
  private blockedUntil = 0;

  /** Answer the next `count` requests with `status` (default 500) and a Rails error body (with `message`, when given). */
  failNext(count: number, status = 500, options: { message?: string } = {}): void {
    this.add({ kind: "fail", status, ...options }, count);
  }

  /** Answer the next `count` requests with 429, with a Retry-After header only when given. */
  rateLimitNext(count: number, options: { retryAfterSeconds?: number } = {}): void {
    this.add({ kind: "rateLimit", retryAfterSeconds: options.retryAfterSeconds }, count);
  }

  /** Hold the next `count` requests for `ms`, then answer them normally. */
  delayNext(count: number, ms: number): void {
    this.add({ kind: "delay", ms }, count);
  }

  /** Answer the next `count` requests with 200 and a body that is not the documented shape. */
  badPayloadNext(count: number, options: { body?: string } = {}): void {
    this.add({ kind: "badPayload", body: options.body }, count);
  }

  /**
   * Enforce a real limit: beyond `max` accepted requests in any `windowMs` (default a
   * minute), answer 429 with the seconds until a slot frees up. `null` lifts it.
   */
  rateLimitPerMinute(max: number | null, options: { windowMs?: number } = {}): void {
    this.limit = max === null ? null : { max, windowMs: options.windowMs ?? 60_000, accepted: [] };
  }

  clear(): void {
    this.queue.length = 0;
    this.limit = null;
    this.blockedUntil = 0;
  }

  /** Decides the fate of one arriving request; call once per request. */
  take(nowMs: number = performance.now()): TSyncroFaultDecision {
    if (nowMs < this.blockedUntil) return { kind: "rateLimit", retryAfterSeconds: Math.ceil((this.blockedUntil - nowMs) / 1000) };
    const overLimit = this.checkLimit(nowMs);
    if (overLimit) return overLimit;
    const queued = this.queue[0];
    if (!queued) return { kind: "none" };
    queued.remaining--;
    if (queued.remaining <= 0) this.queue.shift();
    const fault = queued.fault;
    if (fault.kind === "rateLimit" && fault.retryAfterSeconds !== undefined) this.blockedUntil = nowMs + fault.retryAfterSeconds * 1000;
    return fault;
  }

  private checkLimit(nowMs: number): TSyncroFaultDecision | undefined {
    if (!this.limit) return undefined;
    const { accepted, windowMs, max } = this.limit;
    while (accepted.length > 0 && (accepted[0] ?? 0) <= nowMs - windowMs) accepted.shift();
    if (accepted.length < max) {
      accepted.push(nowMs);
      return undefined;
    }
    const freesAt = (accepted[0] ?? nowMs) + windowMs;
    return { kind: "rateLimit", retryAfterSeconds: Math.max(1, Math.ceil((freesAt - nowMs) / 1000)) };
  }

  private add(fault: TSyncroFault, count: number): void {
    if (count > 0) this.queue.push({ fault, remaining: count });
  }
}
