import type { NotificationMail, PrismaClient } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { absoluteUrl } from "../mail/mail-settings.js";
import { enqueueMail } from "../mail/outbox.js";
import type { MailBranding } from "../mail/templates/layout.js";
import type { Logger } from "../server/logger.js";
import type { MailItem } from "./mail-batch.js";
import { noticeMail } from "./notice-mail.js";

export type NoticeMailOptions = {
  prisma: PrismaClient;
  keyRing: KeyRing;
  /** MSPGRAPH_PUBLIC_URL: every link starts with it. */
  publicUrl: string;
  /** The clock (tests move it past the five minutes). */
  now?: () => Date;
  batch?: number;
};

// Timestamps are stored without a zone, in UTC (as Prisma writes them).
const at = (date: Date) => date.toISOString().replace("Z", "");

async function brandingOf(prisma: Pick<PrismaClient, "partner" | "client">, row: NotificationMail, publicUrl: string): Promise<MailBranding> {
  const partner = await prisma.partner.findUniqueOrThrow({ where: { id: row.partnerId }, select: { name: true } });
  const client = row.audience === "CLIENT_USER" && row.clientId ? await prisma.client.findUnique({ where: { id: row.clientId } }) : null;
  if (!client) return { partnerName: partner.name };
  return { partnerName: partner.name, client: { name: client.name, logoUrl: absoluteUrl(publicUrl, client.logoUrl), primaryColor: client.primaryColor, accentColor: client.accentColor } };
}

/**
 * Writes the pending notification emails that are due into the mail outbox (one message
 * each, however many notices joined it) and marks them sent; the mail worker delivers them.
 * Rows are claimed with SKIP LOCKED, so several API instances may run this side by side.
 * @returns how many emails it queued
 */
export async function flushNoticeMail(options: NoticeMailOptions): Promise<number> {
  const now = (options.now ?? (() => new Date()))();
  return options.prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "NotificationMail" WHERE "sentAt" IS NULL AND "sendAfter" <= ${at(now)}::timestamp
      ORDER BY "sendAfter" LIMIT ${options.batch ?? 50} FOR UPDATE SKIP LOCKED`;
    for (const { id } of due) {
      const row = await tx.notificationMail.findUniqueOrThrow({ where: { id } });
      const message = noticeMail({ branding: await brandingOf(tx, row, options.publicUrl), items: row.items as MailItem[], audience: row.audience, publicUrl: options.publicUrl });
      await enqueueMail(tx, options.keyRing, { partnerId: row.partnerId, recipient: row.recipient, template: "notification", message });
      await tx.notificationMail.update({ where: { id }, data: { sentAt: now } });
    }
    return due.length;
  });
}

/** Flushes due notification emails every few seconds until stopped. */
export function startNoticeMailWorker(options: NoticeMailOptions & { logger: Logger; intervalMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = flushNoticeMail(options).catch((error: unknown) => {
      options.logger.error({ error: error instanceof Error ? error.message : String(error) }, "notification mail worker failed");
      return 0;
    });
    await running;
    if (!stopped) setTimeout(tick, options.intervalMs ?? 5_000).unref();
  };
  setTimeout(tick, 0).unref();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
