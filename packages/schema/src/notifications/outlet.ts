import type { DomainEvent, Prisma } from "@mspgraph/db";
import type { EventOutlet } from "../domain-events/dispatch.js";
import type { EventBus, NotificationAdded } from "../events.js";
import { databaseId } from "./event-ids.js";
import { queueNoticeMail } from "./mail-batch.js";
import { noticesFor } from "./notices.js";
import { preferencesOf, wantsEmail, wantsInApp } from "./preferences.js";
import type { Notice, Recipient } from "./recipients.js";

type Tx = Prisma.TransactionClient;


// Nobody is told of what they did themselves; an address named twice gets one message.
function audienceOf(event: DomainEvent, recipients: readonly Recipient[]): Recipient[] {
  const actorId = databaseId((event.actor as { id?: unknown }).id);
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const key = recipient.email.toLowerCase();
    if (seen.has(key) || (actorId && (recipient.staffUserId === actorId || recipient.clientUserId === actorId))) return false;
    seen.add(key);
    return true;
  });
}

async function deliver(tx: Tx, event: DomainEvent, notice: Notice, recipients: Recipient[], published: NotificationAdded[]): Promise<void> {
  const preferences = await preferencesOf(tx, recipients);
  for (const recipient of recipients) {
    const settings = preferences(recipient);
    if (wantsEmail(settings, notice.kind)) await queueNoticeMail(tx, { partnerId: event.partnerId, notice, recipient, at: event.occurredAt });
    const userId = recipient.staffUserId ?? recipient.clientUserId;
    if (!userId || !wantsInApp(settings, notice.kind)) continue;
    const audience = recipient.clientUserId ? "CLIENT_USER" : "STAFF";
    const row = await tx.notification.create({
      data: {
        partnerId: event.partnerId,
        clientId: recipient.clientUserId ? (recipient.clientId ?? null) : null,
        staffUserId: recipient.staffUserId ?? null,
        clientUserId: recipient.clientUserId ?? null,
        eventId: event.id,
        kind: notice.kind,
        title: notice.title,
        link: notice.link[audience],
      },
    });
    published.push({ notificationId: row.id, partnerId: event.partnerId, recipient: { kind: recipient.clientUserId ? "client" : "staff", userId } });
  }
}

/**
 * Email and in-app notifications: for each event, the notices its rules give (see
 * noticesFor), to each recipient as their preferences allow: pending email (sent by the
 * notification mail worker, five minutes apart per ticket) and a Notification row,
 * announced on `events` once the dispatch commits.
 * @param deps.events the live-update bus `notificationAdded` is published on
 */
export function notificationOutlet(deps: { events: Pick<EventBus, "publish"> }): EventOutlet {
  return {
    name: "notifications",
    async take(tx, event, afterCommit) {
      const published: NotificationAdded[] = [];
      for (const notice of await noticesFor(tx, event)) await deliver(tx, event, notice, audienceOf(event, notice.recipients), published);
      if (published.length > 0) afterCommit(() => published.forEach((added) => deps.events.publish("notificationAdded", added)));
    },
  };
}
