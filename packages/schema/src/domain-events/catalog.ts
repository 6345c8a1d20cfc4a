/**
 * The domain events mspgraph emits, each with its payload's current version. A receiver
 * (a webhook endpoint, the notifier) reads `type` and `version`; a change that would break a
 * receiver gets a new version rather than a changed payload.
 */
export const DOMAIN_EVENT_VERSIONS = {
  "ticket.created": 1,
  "ticket.updated": 1,
  "ticket.comment_added": 1,
  "alert.raised": 1,
  "alert.acknowledged": 1,
  "alert.resolved": 1,
  "backup.failed": 1,
  "backup.recovered": 1,
  "integration.status_changed": 1,
  "client.created": 1,
  "client.archived": 1,
} as const;

export type DomainEventType = keyof typeof DOMAIN_EVENT_VERSIONS;

export const DOMAIN_EVENT_TYPES = Object.keys(DOMAIN_EVENT_VERSIONS) as DomainEventType[];

/** Who caused an event; `id` is a GraphQL global id where the actor has one. */
export type DomainEventActor = {
  type: "STAFF" | "CLIENT_USER" | "API_KEY" | "INTEGRATION" | "SYSTEM";
  id: string | null;
  name: string | null;
};

/** A JSON value a payload may hold (ids, names, states, times as ISO strings). */
export type EventJson = string | number | boolean | null | EventJson[] | { [key: string]: EventJson };

export const isDomainEventType = (value: string): value is DomainEventType => Object.hasOwn(DOMAIN_EVENT_VERSIONS, value);
