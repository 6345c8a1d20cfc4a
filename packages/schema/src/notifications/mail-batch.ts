import type { NotificationKind, Prisma } from "@mspgraph/db";
import type { Notice, Recipient } from "./recipients.js";

type Tx = Prisma.TransactionClient;

/** At most one email per ticket and recipient in this long; what comes inside it waits and joins. */
export const NOTIFICATION_BATCH_MS = 5 * 60_000;

/** One notice inside a pending email. */
export type MailItem = { kind: NotificationKind; title: string; lines: string[]; link: string; reason: string };

const batches = (topic: string) => topic.startsWith("Ticket:");

/**
 * Adds a notice to the recipient's pending email on its topic, or starts one: at once when
 * no email on the topic went to them in the last five minutes, else when those five end.
 * @param at when the event happened (the dispatcher's clock is the event's)
 */
export async function queueNoticeMail(tx: Tx, options: { partnerId: string; notice: Notice; recipient: Recipient; at: Date }): Promise<void> {
  const { notice, recipient, at } = options;
  const audience = recipient.audience === "CLIENT_USER" ? "CLIENT_USER" : "STAFF";
  const item: MailItem = { kind: notice.kind, title: notice.title, lines: notice.lines, link: notice.link[audience], reason: recipient.reason };
  const where = { topic: notice.topic, recipient: recipient.email };
  if (batches(notice.topic)) {
    const pending = await tx.notificationMail.findFirst({ where: { ...where, sentAt: null }, orderBy: { createdAt: "asc" } });
    if (pending) {
      await tx.notificationMail.update({ where: { id: pending.id }, data: { items: [...(pending.items as MailItem[]), item] } });
      return;
    }
  }
  const last = batches(notice.topic) ? await tx.notificationMail.findFirst({ where: { ...where, sentAt: { not: null } }, orderBy: { sentAt: "desc" } }) : null;
  const windowEnds = last?.sentAt ? last.sentAt.getTime() + NOTIFICATION_BATCH_MS : 0;
  await tx.notificationMail.create({
    data: {
      partnerId: options.partnerId,
      clientId: recipient.clientId ?? null,
      topic: notice.topic,
      recipient: recipient.email,
      audience: recipient.audience,
      items: [item],
      sendAfter: new Date(Math.max(at.getTime(), windowEnds)),
    },
  });
}
