import { encodeGlobalID } from "@pothos/plugin-relay";
import type { DomainEvent } from "@mspgraph/db";
import type { DomainEventActor, EventJson } from "./catalog.js";

/** What a receiver (a webhook endpoint) gets for an event: ids are GraphQL global ids. */
export type EventEnvelope = {
  id: string;
  type: string;
  version: number;
  timestamp: string;
  partnerId: string;
  clientId: string | null;
  actor: DomainEventActor;
  data: { [key: string]: EventJson };
};

/** The envelope of a stored event, as webhooks send it. */
export function eventEnvelope(event: DomainEvent): EventEnvelope {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    timestamp: event.occurredAt.toISOString(),
    partnerId: encodeGlobalID("Partner", event.partnerId),
    clientId: event.clientId ? encodeGlobalID("Client", event.clientId) : null,
    actor: event.actor as DomainEventActor,
    data: event.payload as { [key: string]: EventJson },
  };
}
