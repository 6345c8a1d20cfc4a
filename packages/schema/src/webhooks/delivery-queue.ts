import type { Prisma, PrismaClient, WebhookDeliveryStatus } from "@mspgraph/db";
import { WEBHOOK_DISABLE_AFTER_MS, webhookRetryDelayMs } from "./schedule.js";

/** How long a claim on a delivery lasts: longer than a request may take (WEBHOOK_TIMEOUT_MS). */
export const WEBHOOK_LEASE_MS = 60_000;

/** A claimed delivery with what sending it needs. */
export type ClaimedDelivery = { id: string; partnerId: string; endpointId: string; body: string; attempts: number; url: string; secretCiphertext: string; failingSince: Date | null };

/** What one attempt came to: an HTTP answer (any status) or none (`error` says why). */
export type AttemptOutcome = { ok: boolean; status: number | null; timeMs: number; body: string | null; error: string | null };

// Timestamps are stored without a zone, in UTC (as Prisma writes them).
const at = (date: Date) => date.toISOString().replace("Z", "");

/**
 * Claims up to `limit` due deliveries of enabled endpoints, leasing them until `now + leaseMs`
 * and counting the attempt; rows another worker holds are skipped.
 */
export async function claimDeliveries(prisma: PrismaClient, now: Date, limit: number, leaseMs = WEBHOOK_LEASE_MS): Promise<ClaimedDelivery[]> {
  return prisma.$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" AS d SET attempts = d.attempts + 1,
      "lockedUntil" = ${at(new Date(now.getTime() + leaseMs))}::timestamp, "updatedAt" = ${at(now)}::timestamp
    FROM "WebhookEndpoint" AS e
    WHERE e.id = d."endpointId" AND d.id IN (
      SELECT w.id FROM "WebhookDelivery" AS w JOIN "WebhookEndpoint" AS we ON we.id = w."endpointId"
      WHERE w.status IN ('PENDING', 'FAILED') AND we.enabled AND w."nextAttemptAt" <= ${at(now)}::timestamp
        AND (w."lockedUntil" IS NULL OR w."lockedUntil" < ${at(now)}::timestamp)
      ORDER BY w."nextAttemptAt" LIMIT ${limit}::int
      FOR UPDATE OF w SKIP LOCKED
    )
    RETURNING d.id, d."partnerId", d."endpointId", d.body, d.attempts, e.url, e."secretCiphertext", e."failingSince"`;
}

/** The first kilobyte of a receiver's answer, kept for the delivery log. */
export const RESPONSE_EXCERPT_BYTES = 1024;

/**
 * Records an attempt: SUCCEEDED, FAILED with the next attempt after the schedule's jittered
 * wait, or DEAD after the last attempt. Only the holder of the claim (same attempt) writes.
 * @returns the new status, or "LOST" when the claim ran out and another worker took it
 */
export async function finishDelivery(options: { prisma: PrismaClient; delivery: ClaimedDelivery; outcome: AttemptOutcome; now: Date; random?: () => number }): Promise<WebhookDeliveryStatus | "LOST"> {
  const { delivery, outcome, now } = options;
  const wait = outcome.ok ? null : webhookRetryDelayMs(delivery.attempts, options.random);
  const status: WebhookDeliveryStatus = outcome.ok ? "SUCCEEDED" : wait === null ? "DEAD" : "FAILED";
  const { count } = await options.prisma.webhookDelivery.updateMany({
    where: { id: delivery.id, attempts: delivery.attempts, status: { in: ["PENDING", "FAILED"] } },
    data: {
      status,
      lockedUntil: null,
      lastAttemptAt: now,
      responseStatus: outcome.status,
      responseTimeMs: outcome.timeMs,
      responseBody: outcome.body,
      lastError: outcome.error,
      ...(outcome.ok ? { deliveredAt: now } : {}),
      ...(wait === null ? {} : { nextAttemptAt: new Date(now.getTime() + wait) }),
    },
  });
  return count === 1 ? status : "LOST";
}

/**
 * Keeps an endpoint's failing streak after a round of attempts: a success ends it; failures
 * alone start it, and once it has lasted WEBHOOK_DISABLE_AFTER_MS the endpoint is disabled.
 * @param failingSince the streak's start as the round's claim read it
 * @param disable runs in the transaction that disabled the endpoint (to queue the owners' mail)
 * @returns true when this call disabled the endpoint
 */
export async function recordEndpointHealth(options: {
  prisma: PrismaClient;
  endpointId: string;
  succeeded: boolean;
  failingSince: Date | null;
  now: Date;
  disable: (tx: Prisma.TransactionClient) => Promise<unknown>;
}): Promise<boolean> {
  const { prisma, endpointId, now } = options;
  if (options.succeeded) {
    await prisma.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: { not: null } }, data: { failingSince: null } });
    return false;
  }
  if (options.failingSince === null) {
    await prisma.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: now } });
    return false;
  }
  const cutoff = new Date(now.getTime() - WEBHOOK_DISABLE_AFTER_MS);
  if (options.failingSince > cutoff) return false;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, enabled: true, failingSince: { lte: cutoff } },
      data: { enabled: false, disabledAt: now, disabledReason: "every delivery failed for 3 days" },
    });
    if (count === 1) await options.disable(tx);
    return count === 1;
  });
}
