import type { Prisma, PrismaClient, WebhookDeliveryStatus } from "@mspgraph/db";
import { WEBHOOK_DISABLE_AFTER_MS, webhookRetryDelayMs } from "./schedule.js";

/** How long a claim on a delivery lasts: longer than a request may take (WEBHOOK_TIMEOUT_MS). */
export const WEBHOOK_LEASE_MS = 60_000;

/** A claimed delivery with what sending it needs. */
export type ClaimedDelivery = { id: string; partnerId: string; endpointId: string; body: string; attempts: number; url: string; secretCiphertext: string };

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
    RETURNING d.id, d."partnerId", d."endpointId", d.body, d.attempts, e.url, e."secretCiphertext"`;
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
 * Keeps an endpoint's failing streak: a success ends it; a failure starts it, and once it has
 * lasted WEBHOOK_DISABLE_AFTER_MS the endpoint is disabled.
 * @returns true when this call disabled the endpoint (so its owners are told once)
 */
export async function recordEndpointHealth(prisma: PrismaClient | Prisma.TransactionClient, endpointId: string, succeeded: boolean, now: Date): Promise<boolean> {
  if (succeeded) {
    await prisma.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: { not: null } }, data: { failingSince: null } });
    return false;
  }
  await prisma.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: now } });
  const { count } = await prisma.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true, failingSince: { lte: new Date(now.getTime() - WEBHOOK_DISABLE_AFTER_MS) } },
    data: { enabled: false, disabledAt: now, disabledReason: "every delivery failed for 3 days" },
  });
  return count === 1;
}
