import { randomInt } from "node:crypto";
import type { IntegrationEvent, Prisma, PrismaClient } from "@mspgraph/db";
import { isUniqueViolation } from "../objects/user-error.js";

/** How long a claim lasts unless its worker renews it; a crashed worker's events come back after this. */
export const DEFAULT_LEASE_MS = 30_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * Stores an event once per (connection, provider event id).
 * @returns false when the same event was stored before (a repeated delivery)
 */
export async function enqueueEvent(
  prisma: PrismaClient,
  event: { partnerId: string; connectionId: string; pluginId: string; kind: string; providerEventId: string; payload: unknown; maxAttempts?: number },
): Promise<boolean> {
  try {
    await prisma.integrationEvent.create({ data: { ...event, payload: event.payload as Prisma.InputJsonValue } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Claims up to `limit` due events for this worker, skipping rows another worker holds, and
 * leases them for `leaseMs`. The worker renews the lease while it works (renewLease); a worker
 * that dies stops renewing, and its events are claimed again once the lease runs out. A
 * suspended partner's events wait, kept, until it is reactivated.
 */
export async function claimEvents(prisma: PrismaClient, limit: number, leaseMs = DEFAULT_LEASE_MS): Promise<IntegrationEvent[]> {
  return prisma.$queryRaw<IntegrationEvent[]>`
    UPDATE "IntegrationEvent" SET status = 'PROCESSING', attempts = attempts + 1,
      "lockedUntil" = now() + ${`${Math.round(leaseMs)} milliseconds`}::interval, "updatedAt" = now()
    WHERE id IN (
      SELECT id FROM "IntegrationEvent"
      WHERE ((status = 'PENDING' AND "runAt" <= now()) OR (status = 'PROCESSING' AND "lockedUntil" < now()))
        AND NOT EXISTS (SELECT 1 FROM "Partner" p WHERE p.id = "IntegrationEvent"."partnerId" AND p."suspendedAt" IS NOT NULL)
      ORDER BY "runAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
}

/**
 * Extends this worker's claim on an event it is still processing by another `leaseMs`.
 * @returns false when the claim was lost (the lease ran out and another worker took it)
 */
export async function renewLease(prisma: PrismaClient, event: Pick<IntegrationEvent, "id" | "attempts">, leaseMs = DEFAULT_LEASE_MS): Promise<boolean> {
  const renewed = await prisma.$executeRaw`
    UPDATE "IntegrationEvent" SET "lockedUntil" = now() + ${`${Math.round(leaseMs)} milliseconds`}::interval
    WHERE id = ${event.id}::uuid AND status = 'PROCESSING' AND attempts = ${event.attempts}`;
  return renewed === 1;
}

/** Exponential backoff with full jitter: a random wait up to 30 s, 1 min, 2 min, … (at most 6 h). */
export function retryDelayMs(attempt: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return BASE_DELAY_MS / 2 + randomInt(Math.max(1, ceiling - BASE_DELAY_MS / 2));
}

/** Records an attempt's outcome: DONE, another try later, or DEAD after the last. */
export async function finishEvent(prisma: PrismaClient, event: Pick<IntegrationEvent, "id" | "attempts" | "maxAttempts">, error?: unknown): Promise<"DONE" | "PENDING" | "DEAD"> {
  if (!error) {
    await prisma.integrationEvent.update({ where: { id: event.id }, data: { status: "DONE", processedAt: new Date(), lockedUntil: null, lastError: null } });
    return "DONE";
  }
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  if (event.attempts >= event.maxAttempts) {
    await prisma.integrationEvent.update({ where: { id: event.id }, data: { status: "DEAD", lockedUntil: null, lastError } });
    return "DEAD";
  }
  await prisma.integrationEvent.update({
    where: { id: event.id },
    data: { status: "PENDING", lockedUntil: null, lastError, runAt: new Date(Date.now() + retryDelayMs(event.attempts)) },
  });
  return "PENDING";
}
