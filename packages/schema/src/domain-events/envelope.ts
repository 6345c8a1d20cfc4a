import { encodeGlobalID } from "@pothos/plugin-relay";
import type { DomainEvent } from "@mspgraph/db";
import type { DomainEventActor, EventJson } from "./catalog.js";

/** What a receiver gets for one event (a webhook's body, a notification's source). */
export type EventEnvelope = {
  /** The event's id: the same for every delivery of it, so a receiver can drop repeats. */
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  /** Global ids, as the GraphQL API shows them. */
  partnerId: string;
  clientId: string | null;
  actor: DomainEventActor;
  data: { [key: string]: EventJson };
};

/** The one shape every outlet hands an event on in. */
export function eventEnvelope(event: DomainEvent): EventEnvelope {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    occurredAt: event.occurredAt.toISOString(),
    partnerId: encodeGlobalID("Partner", event.partnerId),
    clientId: event.clientId ? encodeGlobalID("Client", event.clientId) : null,
    actor: event.actor as DomainEventActor,
    data: event.payload as { [key: string]: EventJson },
  };
}
