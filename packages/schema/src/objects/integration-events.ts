import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { enqueueEvent } from "../integrations/event-queue.js";
import { findConnection, connectablePlugin } from "../integrations/connections.js";
import { addRules, allow } from "../permissions.js";
import { callerPartnerId } from "../tenant-scope.js";
import { isPartnerManager } from "../rules/roles.js";
import { idOf, nodeLookup } from "./global-id.js";
import { type TUserError, UserErrorRef } from "./user-error.js";

const IntegrationEventStatusEnum = builder.enumType("IntegrationEventStatus", {
  values: {
    PENDING: { description: "Waiting for its (next) try" },
    PROCESSING: { description: "Being processed now" },
    DONE: {},
    DEAD: { description: "Every try failed: see lastError, then retryIntegrationEvent" },
  } as const,
});

export const IntegrationEventRef = builder.prismaNode("IntegrationEvent", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A webhook delivery, sync request or job of a plugin, processed in the background",
  fields: (t) => ({
    pluginId: t.exposeString("pluginId"),
    kind: t.exposeString("kind", { description: "webhook, sync, or a plugin's own" }),
    providerEventId: t.exposeString("providerEventId"),
    status: t.expose("status", { type: IntegrationEventStatusEnum }),
    attempts: t.exposeInt("attempts"),
    maxAttempts: t.exposeInt("maxAttempts"),
    runAt: t.expose("runAt", { type: "DateTime", description: "When it is (or was) next due" }),
    lastError: t.exposeString("lastError", { nullable: true }),
    processedAt: t.expose("processedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const IntegrationEventFilter = builder.inputType("IntegrationEventFilter", {
  fields: (t) => ({ status: t.field({ type: IntegrationEventStatusEnum, required: false }), pluginId: t.string({ required: false }) }),
});

type TFilter = { status?: "PENDING" | "PROCESSING" | "DONE" | "DEAD" | null; pluginId?: string | null } | null | undefined;
const eventWhere = (filter: TFilter) => ({ ...(filter?.status ? { status: filter.status } : {}), ...(filter?.pluginId ? { pluginId: filter.pluginId } : {}) });

builder.queryField("integrationEvents", (t) =>
  t.prismaConnection({
    type: "IntegrationEvent",
    cursor: "id",
    description: "The caller's partner's integration events, newest first",
    args: { filter: t.arg({ type: IntegrationEventFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) => db.integrationEvent.findMany({ ...query, where: eventWhere(filter), orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
    totalCount: (_root, { filter }, { db }) => db.integrationEvent.count({ where: eventWhere(filter) }),
  }),
);

type EventPayload = { event: { id: string } | null; userErrors: TUserError[] };
const EventPayloadRef = builder.objectRef<EventPayload>("IntegrationEventPayload").implement({
  fields: (t) => ({
    event: t.prismaField({
      type: IntegrationEventRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.event ? db.integrationEvent.findUnique({ ...query, where: { id: payload.event.id } }) : null),
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

builder.mutationFields((t) => ({
  retryIntegrationEvent: t.field({
    type: EventPayloadRef,
    description: "Puts a DEAD event back in the queue for a fresh set of tries",
    args: { input: t.arg({ type: builder.inputType("RetryIntegrationEventInput", { fields: (f) => ({ id: f.id({ required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, { db }): Promise<EventPayload> => {
      const id = idOf(String(input.id), "IntegrationEvent");
      const event = await db.integrationEvent.findUnique({ where: { id }, select: { status: true } });
      if (!event) throw notFound("IntegrationEvent");
      if (event.status !== "DEAD") return { event: { id }, userErrors: [{ field: "id", message: `the event is ${event.status.toLowerCase()}, not dead`, code: "CONFLICT" }] };
      await db.integrationEvent.update({ where: { id }, data: { status: "PENDING", attempts: 0, runAt: new Date(), processedAt: null } });
      return { event: { id }, userErrors: [] };
    },
  }),
  syncIntegration: t.field({
    type: EventPayloadRef,
    description: "Asks the plugin to sync now (processed in the background; follow it in integrationEvents)",
    args: { input: t.arg({ type: builder.inputType("SyncIntegrationInput", { fields: (f) => ({ pluginId: f.string({ required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, context): Promise<EventPayload> => {
      const partnerId = callerPartnerId(context.principal);
      const plugin = connectablePlugin(context, input.pluginId);
      const connection = plugin ? await findConnection(context.db, partnerId, plugin.id) : null;
      if (!plugin || !connection) return { event: null, userErrors: [{ field: "pluginId", message: "not connected", code: "NOT_FOUND" }] };
      const providerEventId = `sync:${new Date().toISOString()}`;
      await enqueueEvent(context.db, { partnerId, connectionId: connection.id, pluginId: plugin.id, kind: "sync", providerEventId, payload: { requestedBy: context.requestId } });
      const event = await context.db.integrationEvent.findUniqueOrThrow({ where: { connectionId_providerEventId: { connectionId: connection.id, providerEventId } }, select: { id: true } });
      return { event, userErrors: [] };
    },
  }),
}));

addRules({
  Query: { integrationEvents: isPartnerManager },
  Mutation: { retryIntegrationEvent: isPartnerManager, syncIntegration: isPartnerManager },
  IntegrationEvent: { "*": isPartnerManager },
  IntegrationEventPayload: { "*": allow },
});
