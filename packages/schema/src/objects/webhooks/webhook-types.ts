import { builder } from "../../builder.js";
import { DOMAIN_EVENT_TYPES } from "../../domain-events/catalog.js";
import { addRules } from "../../permissions.js";
import { isPartnerManager } from "../../rules/roles.js";
import { webhookIdOf } from "../../webhooks/webhook-worker.js";
import { nodeLookup } from "../global-id.js";

const WebhookDeliveryStatusEnum = builder.enumType("WebhookDeliveryStatus", {
  values: {
    PENDING: { description: "Waiting for its first attempt" },
    SUCCEEDED: { description: "The endpoint answered 2xx" },
    FAILED: { description: "The last attempt failed; another is due at nextAttemptAt" },
    DEAD: { description: "Every attempt of the retry schedule failed: redeliverWebhook sends it again" },
  } as const,
});

export const WebhookDeliveryRef = builder.prismaNode("WebhookDelivery", {
  id: { field: "id" },
  ...nodeLookup,
  description: "One event sent (or being sent) to one endpoint, with its last attempt's outcome",
  fields: (t) => ({
    webhookId: t.string({ description: "The `webhook-id` header, the same on every attempt (deduplicate on it)", resolve: (delivery) => webhookIdOf(delivery.id) }),
    eventType: t.exposeString("eventType", { description: "The event's type, or webhook.test for a test event" }),
    eventId: t.exposeString("eventId", { nullable: true, description: "The event's id (the envelope's `id`); null for a test event" }),
    payload: t.exposeString("body", { description: "The JSON body sent (the event envelope)" }),
    status: t.expose("status", { type: WebhookDeliveryStatusEnum }),
    attempts: t.exposeInt("attempts"),
    nextAttemptAt: t.field({ type: "DateTime", nullable: true, resolve: (d) => (d.status === "PENDING" || d.status === "FAILED" ? d.nextAttemptAt : null) }),
    lastAttemptAt: t.expose("lastAttemptAt", { type: "DateTime", nullable: true }),
    responseStatus: t.exposeInt("responseStatus", { nullable: true, description: "The HTTP status of the last answer; null when none came" }),
    responseTimeMs: t.exposeInt("responseTimeMs", { nullable: true }),
    responseBody: t.exposeString("responseBody", { nullable: true, description: "The first kilobyte of the last answer's body" }),
    lastError: t.exposeString("lastError", { nullable: true, description: "Why the last attempt failed (a status, `timed out`, `address not allowed (…)`, …)" }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const WebhookEndpointRef = builder.prismaNode("WebhookEndpoint", {
  id: { field: "id" },
  ...nodeLookup,
  description: "Where the partner's events are sent, signed per Standard Webhooks. Its secret is shown once (create, rotate).",
  fields: (t) => ({
    url: t.exposeString("url"),
    events: t.exposeStringList("events", { description: "The event types it receives" }),
    description: t.exposeString("description"),
    enabled: t.exposeBoolean("enabled"),
    failingSince: t.expose("failingSince", { type: "DateTime", nullable: true, description: "Every attempt has failed since then; 3 days on, the endpoint is disabled" }),
    disabledAt: t.expose("disabledAt", { type: "DateTime", nullable: true }),
    disabledReason: t.exposeString("disabledReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    deliveries: t.relatedConnection("deliveries", { cursor: "id", totalCount: true, description: "The delivery log, newest first", query: { orderBy: [{ createdAt: "desc" }, { id: "asc" }] } }),
  }),
});

builder.queryField("webhookEndpoints", (t) =>
  t.prismaConnection({
    type: "WebhookEndpoint",
    cursor: "id",
    description: "The caller's partner's webhook endpoints, oldest first",
    resolve: (query, _root, _args, { db }) => db.webhookEndpoint.findMany({ ...query, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  }),
);

builder.queryField("webhookEventTypes", (t) =>
  t.stringList({ description: "The event types an endpoint may subscribe to (the catalog)", resolve: () => DOMAIN_EVENT_TYPES }),
);

addRules({
  Query: { webhookEndpoints: isPartnerManager, webhookEventTypes: isPartnerManager },
  WebhookEndpoint: { "*": isPartnerManager },
  WebhookDelivery: { "*": isPartnerManager },
});
