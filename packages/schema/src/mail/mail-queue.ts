import type { MailOutbox, PrismaClient } from "@mspgraph/db";
import { retryDelayMs } from "../integrations/event-queue.js";

/**
 * How long a claim on a message lasts. Longer than one SMTP exchange can take (see the
 * transport's timeouts), so a message is only claimed again when its worker died.
 */
export const MAIL_LEASE_MS = 120_000;

/** A claimed message: the columns the worker reads. */
export type ClaimedMail = Pick<MailOutbox, "id" | "recipient" | "subject" | "template" | "bodyCiphertext" | "attempts" | "maxAttempts">;

// Timestamps are stored without a zone, in UTC (as Prisma writes them).
const at = (date: Date) => date.toISOString().replace("Z", "");

/**
 * Claims one due message for this worker and leases it until `now + leaseMs`, skipping rows
 * another worker holds: two workers never hold one message at once.
 */
export async function claimMail(prisma: PrismaClient, now: Date, leaseMs = MAIL_LEASE_MS): Promise<ClaimedMail | undefined> {
  const rows = await prisma.$queryRaw<ClaimedMail[]>`
    UPDATE "MailOutbox" SET status = 'SENDING', attempts = attempts + 1,
      "lockedUntil" = ${at(new Date(now.getTime() + leaseMs))}::timestamp, "updatedAt" = ${at(now)}::timestamp
    WHERE id = (
      SELECT id FROM "MailOutbox"
      WHERE ((status = 'PENDING' AND "nextAttemptAt" <= ${at(now)}::timestamp) OR (status = 'SENDING' AND "lockedUntil" < ${at(now)}::timestamp))
        AND ("expiresAt" IS NULL OR "expiresAt" > ${at(now)}::timestamp)
      ORDER BY "nextAttemptAt" LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, recipient, subject, template, "bodyCiphertext", attempts, "maxAttempts"`;
  return rows[0];
}

/** Withdraws unsent mail whose link ran out before it could go, erasing its body. */
export async function expireMail(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.mailOutbox.updateMany({
    where: { status: { in: ["PENDING", "SENDING"] }, expiresAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { status: "CANCELLED", bodyCiphertext: null, lockedUntil: null, lastError: "expired before it could be sent" },
  });
  return count;
}

// Only the holder of the current claim (same attempt number) records its outcome.
const held = (mail: ClaimedMail) => ({ id: mail.id, status: "SENDING" as const, attempts: mail.attempts });

/**
 * Records an attempt's outcome: SENT (the body erased), another try after a jittered
 * backoff, or DEAD after the last try.
 * @returns the new status, or "LOST" when the claim had run out and another worker took it
 */
export async function finishMail(prisma: PrismaClient, mail: ClaimedMail, now: Date, error?: string): Promise<"SENT" | "PENDING" | "DEAD" | "LOST"> {
  let status: "SENT" | "PENDING" | "DEAD";
  let data;
  if (error === undefined) {
    status = "SENT";
    data = { status, sentAt: now, bodyCiphertext: null, lockedUntil: null, lastError: null };
  } else if (mail.attempts >= mail.maxAttempts) {
    status = "DEAD";
    data = { status, bodyCiphertext: null, lockedUntil: null, lastError: error };
  } else {
    status = "PENDING";
    data = { status, lockedUntil: null, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)) };
  }
  const { count } = await prisma.mailOutbox.updateMany({ where: held(mail), data });
  return count === 1 ? status : "LOST";
}
