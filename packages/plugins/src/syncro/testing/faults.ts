export type TSyncroFault =
  | { kind: "fail"; status: number; message?: string }
  | { kind: "rateLimit"; retryAfterSeconds: number | undefined }
  | { kind: "delay"; ms: number }
  | { kind: "badPayload"; body: string | undefined };

/** What the server should do about one request before routing it. */
export type TSyncroFaultDecision = TSyncroFault | { kind: "none" };

type TQueued = { fault: TSyncroFault; remaining: number };

/**
 * Failures the fake Syncro serves to the next requests, in the order queued (the per-IP rate
 * limit itself is `SyncroIpRateLimit`, always on).
 * @remarks A 429 that carries Retry-After is kept honestly: until that time has passed,
 * every request is refused again, so a client that retries too early is caught by counting
 * the 429s the server sent.
 */
export class SyncroFaults {
  private readonly queue: TQueued[] = [];
  private blockedUntil = 0;

  /** Answer the next `count` requests with `status` (default 500) and a Rails error body (with `message`, when given). */
  failNext(count: number, status = 500, options: { message?: string } = {}): void {
    this.add({ kind: "fail", status, ...options }, count);
  }

  /** Answer the next `count` requests with 429, with a Retry-After header only when given (Syncro sends none). */
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

  clear(): void {
    this.queue.length = 0;
    this.blockedUntil = 0;
  }

  /** Decides the fate of one arriving request; call once per request. */
  take(nowMs: number = performance.now()): TSyncroFaultDecision {
    if (nowMs < this.blockedUntil) return { kind: "rateLimit", retryAfterSeconds: Math.ceil((this.blockedUntil - nowMs) / 1000) };
    const queued = this.queue[0];
    if (!queued) return { kind: "none" };
    queued.remaining--;
    if (queued.remaining <= 0) this.queue.shift();
    const fault = queued.fault;
    if (fault.kind === "rateLimit" && fault.retryAfterSeconds !== undefined) this.blockedUntil = nowMs + fault.retryAfterSeconds * 1000;
    return fault;
  }

  private add(fault: TSyncroFault, count: number): void {
    if (count > 0) this.queue.push({ fault, remaining: count });
  }
}
