import { randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma, PrismaClient } from "@mspgraph/db";
import type { DomainEventActor } from "../domain-events/catalog.js";
import type { EventEnvelope } from "../domain-events/envelope.js";

/** The type of the event "Send test event" sends: not in the catalog, so never subscribed to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/**
 * Queues a test event for one endpoint, in the envelope real events have; the webhook worker
 * sends it like any delivery (signed, retried).
 * @returns the delivery's id
 */
export async function queueTestWebhook(db: PrismaClient | Prisma.TransactionClient, input: { partnerId: string; endpointId: string; actor: DomainEventActor }): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type: WEBHOOK_TEST_EVENT,
    version: 1,
    occurredAt: now.toISOString(),
    partnerId: encodeGlobalID("Partner", input.partnerId),
    clientId: null,
    actor: input.actor,
    data: { endpointId: encodeGlobalID("WebhookEndpoint", input.endpointId), message: "A test event from mspgraph: your endpoint receives and verifies webhooks." },
  };
  await db.webhookDelivery.create({ data: { id, partnerId: input.partnerId, endpointId: input.endpointId, eventType: WEBHOOK_TEST_EVENT, body: JSON.stringify(envelope), nextAttemptAt: now } });
  return id;
}
