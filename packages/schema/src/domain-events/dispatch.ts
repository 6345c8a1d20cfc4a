import type { DomainEvent, Prisma, PrismaClient } from "@mspgraph/db";
import { retryDelayMs } from "../integrations/event-queue.js";

/**
 * A consumer of domain events (webhooks, email and in-app notifications). `take` runs inside
 * the transaction that marks the event dispatched, so what it writes (deliveries, notices,
 * mail) is stored once per event: all outlets take it, or none and it is tried again.
 * @remarks `take` writes rows for its own worker to act on; it must not call the network.
 * What must wait for the commit (publishing a live update) goes through `afterCommit`.
 */
export type EventOutlet = {
  name: string;
  take(tx: Prisma.TransactionClient, event: DomainEvent, afterCommit: (effect: () => void) => void): Promise<void>;
};

/** How long a dispatcher holds an event; long enough for every outlet's `take`. */
export const DISPATCH_LEASE_MS = 60_000;

// Timestamps are stored without a zone, in UTC (as Prisma writes them).
const at = (date: Date) => date.toISOString().replace("Z", "");

/** Claims the oldest undispatched, unleased event, skipping rows another dispatcher holds. */
async function claimEvent(prisma: PrismaClient, now: Date, leaseMs: number): Promise<DomainEvent | undefined> {
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    UPDATE "DomainEvent" SET attempts = attempts + 1, "lockedUntil" = ${at(new Date(now.getTime() + leaseMs))}::timestamp
    WHERE id = (
      SELECT id FROM "DomainEvent"
      WHERE "dispatchedAt" IS NULL AND ("lockedUntil" IS NULL OR "lockedUntil" < ${at(now)}::timestamp)
      ORDER BY "occurredAt" LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  const claimed = rows[0];
  return claimed ? ((await prisma.domainEvent.findUnique({ where: { id: claimed.id } })) ?? undefined) : undefined;
}

/**
 * Hands due events to every outlet, oldest first, each in one transaction with its
 * `dispatchedAt`; an outlet's failure leaves the event for a later try (with backoff).
 * @returns how many events were claimed
 */
export async function dispatchDueEvents(options: { prisma: PrismaClient; outlets: readonly EventOutlet[]; now?: () => Date; batch?: number; leaseMs?: number }): Promise<number> {
  const now = options.now ?? (() => new Date());
  let claimed = 0;
  while (claimed < (options.batch ?? 50)) {
    const event = await claimEvent(options.prisma, now(), options.leaseMs ?? DISPATCH_LEASE_MS);
    if (!event) break;
    claimed++;
    const effects: Array<() => void> = [];
    try {
      await options.prisma.$transaction(async (tx) => {
        for (const outlet of options.outlets) await outlet.take(tx, event, (effect) => effects.push(effect));
        await tx.domainEvent.update({ where: { id: event.id }, data: { dispatchedAt: now(), lockedUntil: null, lastError: null } });
      });
      for (const effect of effects) effect();
    } catch (error) {
      const message = error instanceof Error ? error.message.slice(0, 500) : "outlet failed";
      await options.prisma.domainEvent.update({ where: { id: event.id }, data: { lockedUntil: new Date(now().getTime() + retryDelayMs(event.attempts)), lastError: message } });
    }
  }
  return claimed;
}
