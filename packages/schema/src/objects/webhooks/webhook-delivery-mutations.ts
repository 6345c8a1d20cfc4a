import { encodeGlobalID } from "@pothos/plugin-relay";
import { setAuditTarget } from "../../audit/mutation-audit.js";
import { builder } from "../../builder.js";
import type { DomainEventActor } from "../../domain-events/catalog.js";
import { notFound } from "../../errors.js";
import { addRules, allow } from "../../permissions.js";
import type { Principal } from "../../principal.js";
import { isPartnerManager } from "../../rules/roles.js";
import { queueTestWebhook } from "../../webhooks/test-event.js";
import { idOf } from "../global-id.js";
import { type TUserError, UserErrorRef } from "../user-error.js";
import { WebhookDeliveryRef } from "./webhook-types.js";

type DeliveryPayload = { delivery: { id: string } | null; userErrors: TUserError[] };

const WebhookDeliveryPayloadRef = builder.objectRef<DeliveryPayload>("WebhookDeliveryPayload").implement({
  fields: (t) => ({
    delivery: t.prismaField({
      type: WebhookDeliveryRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.delivery ? db.webhookDelivery.findUnique({ ...query, where: { id: payload.delivery.id } }) : null),
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const SendTestWebhookInput = builder.inputType("SendTestWebhookInput", { fields: (t) => ({ endpointId: t.id({ required: true }) }) });
const RedeliverWebhookInput = builder.inputType("RedeliverWebhookInput", { fields: (t) => ({ deliveryId: t.id({ required: true }) }) });

const DISABLED: TUserError = { field: null, code: "CONFLICT", message: "The endpoint is disabled: enable it first" };

function actorOf(principal: Principal): DomainEventActor {
  if (principal.kind === "apiKey") return { type: "API_KEY", id: encodeGlobalID("ApiKey", principal.keyId), name: principal.label };
  if (principal.kind === "staff") return { type: "STAFF", id: encodeGlobalID("StaffUser", principal.userId), name: null };
  return { type: "SYSTEM", id: null, name: null };
}

builder.mutationFields((t) => ({
  sendTestWebhook: t.field({
    type: WebhookDeliveryPayloadRef,
    description: "Queues a signed `webhook.test` event for the endpoint; its delivery shows in the log within seconds",
    args: { input: t.arg({ type: SendTestWebhookInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<DeliveryPayload> => {
      const id = idOf(String(input.endpointId), "WebhookEndpoint", "endpointId");
      const endpoint = await context.db.webhookEndpoint.findUnique({ where: { id }, select: { id: true, partnerId: true, enabled: true } });
      if (!endpoint) throw notFound("WebhookEndpoint");
      setAuditTarget(context, { type: "WebhookEndpoint", id, partnerId: endpoint.partnerId });
      if (!endpoint.enabled) return { delivery: null, userErrors: [DISABLED] };
      const deliveryId = await queueTestWebhook(context.db, { partnerId: endpoint.partnerId, endpointId: id, actor: actorOf(context.principal) });
      return { delivery: { id: deliveryId }, userErrors: [] };
    },
  }),
  redeliverWebhook: t.field({
    type: WebhookDeliveryPayloadRef,
    description: "Sends a delivery again now, with the same body and `webhook-id`, and a fresh retry schedule",
    args: { input: t.arg({ type: RedeliverWebhookInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<DeliveryPayload> => {
      const id = idOf(String(input.deliveryId), "WebhookDelivery", "deliveryId");
      const delivery = await context.db.webhookDelivery.findUnique({ where: { id }, select: { id: true, partnerId: true, endpoint: { select: { enabled: true } } } });
      if (!delivery) throw notFound("WebhookDelivery");
      setAuditTarget(context, { type: "WebhookDelivery", id, partnerId: delivery.partnerId });
      if (!delivery.endpoint.enabled) return { delivery: null, userErrors: [DISABLED] };
      // Attempts start again from 0, so a claim still held by a worker can no longer record its outcome.
      await context.db.webhookDelivery.update({ where: { id }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null } });
      return { delivery: { id }, userErrors: [] };
    },
  }),
}));

addRules({
  Mutation: { sendTestWebhook: isPartnerManager, redeliverWebhook: isPartnerManager },
  WebhookDeliveryPayload: { "*": allow },
});
