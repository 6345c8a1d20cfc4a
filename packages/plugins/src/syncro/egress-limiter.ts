import type { PluginContext } from "@mspgraph/schema";
import { sleep } from "./client/backoff.js";
import type { TSyncroLimiter } from "./client/rate-limiter.js";

/** Syncro's limit for one egress address, as the API's settings give it. */
export type TSyncroRateLimit = {
  /** Names the address requests leave from: instances with the same name share one budget. */
  egress: string;
  /** At most this many requests start in any `windowMs` (Syncro allows 180 a minute). */
  maxRequests: number;
  windowMs: number;
};

/** Requests that may go out back to back after a quiet spell; the rest are evenly spaced. */
export const SYNCRO_BURST = 10;

type Queryable = Pick<PluginContext["prisma"], "$queryRaw" | "$executeRaw">;

/**
 * The rate limiter of one egress address, kept in the database so that every connection of
 * every partner, in every API instance, paces itself on the same schedule.
 * @remarks A reservation schedule (GCRA): each request takes the next slot with one atomic
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING`, then sleeps until it. Slots are `spacing` apart
 * and up to `SYNCRO_BURST + 1` may be taken early, so no span of `windowMs` holds more than
 * `maxRequests` starts, however the window is aligned (a fixed window counter would let twice
 * the limit through across a boundary, and Syncro does not document its window). Times come
 * from the database's clock, so instances need not agree on theirs.
 */
export class EgressLimiter implements TSyncroLimiter {
  readonly windowMs: number;
  private readonly spacingMs: number;
  private readonly earlyMs: number;
  // A 429 seen here also stops callers of this process already asleep on a slot.
  private pausedUntil = 0;

  constructor(
    private readonly prisma: Queryable,
    private readonly limit: TSyncroRateLimit,
  ) {
    if (!Number.isInteger(limit.maxRequests) || limit.maxRequests < SYNCRO_BURST + 2) throw new RangeError(`maxRequests must be a whole number >= ${SYNCRO_BURST + 2}`);
    if (!(limit.windowMs > 0)) throw new RangeError("windowMs must be > 0");
    this.windowMs = limit.windowMs;
    this.spacingMs = limit.windowMs / (limit.maxRequests - SYNCRO_BURST - 1);
    this.earlyMs = (SYNCRO_BURST + 1) * this.spacingMs;
  }

  async acquire(): Promise<void> {
    for (;;) {
      const paused = this.pausedUntil - performance.now();
      if (paused > 0) await sleep(paused);
      const [slot] = await this.prisma.$queryRaw<{ waitMs: number }[]>`
        INSERT INTO "SyncroRateLimit" (egress, "nextSlotMs", "updatedAt")
        VALUES (${this.limit.egress}, EXTRACT(EPOCH FROM clock_timestamp())::float8 * 1000 + ${this.spacingMs}::float8, now())
        ON CONFLICT (egress) DO UPDATE SET
          "nextSlotMs" = GREATEST("SyncroRateLimit"."nextSlotMs", EXTRACT(EPOCH FROM clock_timestamp())::float8 * 1000) + ${this.spacingMs}::float8,
          "updatedAt" = now()
        RETURNING GREATEST(0, "nextSlotMs" - ${this.earlyMs}::float8 - EXTRACT(EPOCH FROM clock_timestamp())::float8 * 1000)::float8 AS "waitMs"`;
      const waitMs = slot?.waitMs ?? 0;
      if (waitMs > 0) await sleep(waitMs);
      if (performance.now() >= this.pausedUntil) return;
    }
  }

  /** Moves the shared schedule's next slot to `ms` from now, for everyone on this address. */
  async pauseFor(ms: number): Promise<void> {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
    const resumeAt = ms + this.earlyMs;
    await this.prisma.$executeRaw`
      INSERT INTO "SyncroRateLimit" (egress, "nextSlotMs", "updatedAt")
      VALUES (${this.limit.egress}, EXTRACT(EPOCH FROM clock_timestamp())::float8 * 1000 + ${resumeAt}::float8, now())
      ON CONFLICT (egress) DO UPDATE SET
        "nextSlotMs" = GREATEST("SyncroRateLimit"."nextSlotMs", EXCLUDED."nextSlotMs"),
        "updatedAt" = now()`;
  }
}
