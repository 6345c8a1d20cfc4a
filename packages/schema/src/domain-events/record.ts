import { randomUUID } from "node:crypto";
import type { Prisma } from "@mspgraph/db";
import { DOMAIN_EVENT_VERSIONS, type DomainEventActor, type DomainEventType, type EventJson } from "./catalog.js";

/** The PostgreSQL channel every committed event is announced on (NOTIFY is sent at commit). */
export const DOMAIN_EVENTS_CHANNEL = "mspgraph_domain_events";

/** What NOTIFY carries: enough for a listener to route the event without reading it. */
export type DomainEventNotice = { id: string; type: DomainEventType; partnerId: string; clientId: string | null };

export type NewDomainEvent = {
  type: DomainEventType;
  partnerId: string;
  clientId?: string | null;
  actor: DomainEventActor;
  payload: { [key: string]: EventJson };
  /** About staff-only content (a hidden comment): never shown to a client's users. */
  staffOnly?: boolean;
};

/**
 * Records a domain event in the transaction of the change that causes it, so the event
 * exists if and only if the change commits, and announces it on DOMAIN_EVENTS_CHANNEL
 * (PostgreSQL delivers the NOTIFY only when the transaction commits).
 * @param tx the interactive transaction that writes the change
 * @returns the event's id
 */
export async function recordDomainEvent(tx: Prisma.TransactionClient, event: NewDomainEvent): Promise<string> {
  const id = randomUUID();
  const clientId = event.clientId ?? null;
  await tx.domainEvent.create({
    data: {
      id,
      type: event.type,
      version: DOMAIN_EVENT_VERSIONS[event.type],
      partnerId: event.partnerId,
      clientId,
      actor: event.actor,
      payload: event.payload,
      staffOnly: event.staffOnly ?? false,
      // From this clock, as the dispatcher compares with it (not the database's zone).
      occurredAt: new Date(),
    },
  });
  const notice: DomainEventNotice = { id, type: event.type, partnerId: event.partnerId, clientId };
  await tx.$executeRaw`SELECT pg_notify(${DOMAIN_EVENTS_CHANNEL}, ${JSON.stringify(notice)})`;
  return id;
}
