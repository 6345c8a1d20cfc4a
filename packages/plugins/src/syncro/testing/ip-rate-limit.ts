/** Syncro's documented limit: 180 requests a minute per client IP address. */
export const SYNCRO_IP_LIMIT = { max: 180, windowMs: 60_000 };

/**
 * Syncro's rate limit as the fake enforces it: at most `max` requests from one client IP in
 * any `windowMs` span, whatever token or account they carry.
 * @remarks Share one instance between several fake servers (two partners' Syncro accounts) to
 * count them together, as Syncro counts every request from our egress address. Refused
 * requests are not counted, and `peak` records the most any window ever held, so a test can
 * show the limit was respected rather than merely survived.
 */
export class SyncroIpRateLimit {
  readonly max: number;
  readonly windowMs: number;
  /** Requests answered 429, over all IPs. */
  refused = 0;
  /** The most requests one IP had accepted inside a single window. */
  peak = 0;
  private readonly accepted = new Map<string, number[]>();

  constructor(options: { max?: number; windowMs?: number } = {}) {
    this.max = options.max ?? SYNCRO_IP_LIMIT.max;
    this.windowMs = options.windowMs ?? SYNCRO_IP_LIMIT.windowMs;
  }

  /** Counts one request from `ip` and says whether it may pass. */
  take(ip: string, nowMs: number = performance.now()): boolean {
    const times = this.accepted.get(ip) ?? [];
    this.accepted.set(ip, times);
    while (times.length > 0 && (times[0] ?? 0) <= nowMs - this.windowMs) times.shift();
    if (times.length >= this.max) {
      this.refused++;
      return false;
    }
    times.push(nowMs);
    this.peak = Math.max(this.peak, times.length);
    return true;
  }
}
