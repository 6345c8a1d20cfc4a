import type { DomainEventType } from "../domain-events/catalog.js";
import { dispatchDueEvents } from "../domain-events/dispatch.js";
import { coreOutlets } from "../domain-events/outlets.js";
import { type NewDomainEvent, recordDomainEvent } from "../domain-events/record.js";
import { processDueMail } from "../mail/mail-worker.js";
import { flushNoticeMail } from "../notifications/notice-mail-worker.js";
import { createLogger } from "../server/logger.js";
import type { TestSmtpServer } from "./smtp-server.js";
import type { TestApi } from "./test-api.js";

/** A staff member, a client user, the system: who an emitted event names as its actor. */
export type TestActor = NewDomainEvent["actor"];

/**
 * Drives the notification pipeline of a test API by hand, on a clock the test moves:
 * records domain events as a change would, dispatches them to the core's outlets, writes
 * due notification emails into the outbox and sends them to `smtp`.
 */
export function notificationPipeline(t: TestApi, smtp: TestSmtpServer, publicUrl: string) {
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => void t.logs.push(line) } });
  const outlets = coreOutlets({ database: t.database, keyRing: t.keyRing, events: t.api.events, logger });
  return {
    now,
    /** Moves the clock forward (the five-minute window). */
    advance: (ms: number) => void (offsetMs += ms),
    emit: (type: DomainEventType, event: Omit<NewDomainEvent, "type">) =>
      t.database.prisma.$transaction(async (tx) => {
        const id = await recordDomainEvent(tx, { ...event, type });
        // The event happened on the test's clock.
        await tx.domainEvent.update({ where: { id }, data: { occurredAt: now() } });
        return id;
      }),
    /** Dispatches every due event and sends what is due by now; returns the messages that arrived. */
    async deliver() {
      const before = smtp.received.length;
      await dispatchDueEvents({ prisma: t.database.prisma, outlets, now });
      await flushNoticeMail({ prisma: t.database.prisma, keyRing: t.keyRing, publicUrl, now });
      const sent = await processDueMail({ database: t.database, keyRing: t.keyRing, smtpUrl: smtp.url, from: "Northwind IT <it@northwind.example>", logger, now });
      await smtp.waitFor(before + sent);
      return smtp.received.slice(before);
    },
  };
}
