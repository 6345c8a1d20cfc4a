import { randomUUID } from "node:crypto";
import type { EventOutlet } from "../domain-events/dispatch.js";
import { eventEnvelope } from "../domain-events/envelope.js";

/**
 * The webhooks outlet: one delivery per enabled endpoint of the event's partner that
 * subscribes to its type, written in the dispatcher's transaction (so once per event); the
 * webhook worker sends them.
 * @remarks Staff-only events (hidden comments) go too: endpoints are registered by the
 * partner's OWNER/ADMIN, who may read them; client users cannot register endpoints.
 */
export function webhookOutlet(): EventOutlet {
  return {
    name: "webhooks",
    take: async (tx, event) => {
      const endpoints = await tx.webhookEndpoint.findMany({ where: { partnerId: event.partnerId, enabled: true, events: { has: event.type } }, select: { id: true } });
      if (endpoints.length === 0) return;
      const body = JSON.stringify(eventEnvelope(event));
      const nextAttemptAt = new Date();
      await tx.webhookDelivery.createMany({
        data: endpoints.map((endpoint) => ({ id: randomUUID(), partnerId: event.partnerId, endpointId: endpoint.id, eventId: event.id, eventType: event.type, body, nextAttemptAt })),
        skipDuplicates: true,
      });
    },
  };
}
