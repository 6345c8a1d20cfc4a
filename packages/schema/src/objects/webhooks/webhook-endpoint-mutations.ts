import { z } from "zod";
import { setAuditTarget } from "../../audit/mutation-audit.js";
import { builder } from "../../builder.js";
import type { GraphQLContext } from "../../context.js";
import { notFound } from "../../errors.js";
import { addRules, allow } from "../../permissions.js";
import { isPartnerManager } from "../../rules/roles.js";
import { callerPartnerId } from "../../tenant-scope.js";
import { createWebhookEndpoint, rotateWebhookSecret, webhookEventsError, webhookUrlError } from "../../webhooks/endpoints.js";
import { idOf } from "../global-id.js";
import { type TUserError, UserErrorRef, zodUserErrors } from "../user-error.js";
import { WebhookEndpointRef } from "./webhook-types.js";

type EndpointPayload = { endpoint: { id: string } | null; secret?: string | null; deletedId?: string | null; userErrors: TUserError[] };


const WebhookEndpointPayloadRef = builder.objectRef<EndpointPayload>("WebhookEndpointPayload").implement({
  fields: (t) => ({
    endpoint: t.prismaField({
      type: WebhookEndpointRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.endpoint ? db.webhookEndpoint.findUnique({ ...query, where: { id: payload.endpoint.id } }) : null),
    }),
    secret: t.string({
      nullable: true,
      description: "createWebhookEndpoint and rotateWebhookSecret only: the whsec_ signing secret, shown this once",
      resolve: (payload) => payload.secret ?? null,
    }),
    deletedId: t.id({ nullable: true, description: "deleteWebhookEndpoint only: the id of the endpoint removed", resolve: (payload) => payload.deletedId ?? null }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const ZEndpointFields = z.object({
  url: z.string().trim().min(1, "must not be empty"),
  events: z.array(z.string().trim()).max(50),
  description: z.string().trim().max(500, "at most 500 characters"),
});

const CreateWebhookEndpointInput = builder.inputType("CreateWebhookEndpointInput", {
  fields: (t) => ({ url: t.string({ required: true }), events: t.stringList({ required: true }), description: t.string({ required: false }) }),
});
const UpdateWebhookEndpointInput = builder.inputType("UpdateWebhookEndpointInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    url: t.string({ required: false }),
    events: t.stringList({ required: false }),
    description: t.string({ required: false }),
    enabled: t.boolean({ required: false, description: "false stops deliveries (they wait); true resumes them and clears a 3-day disabling" }),
  }),
});
const WebhookEndpointIdInput = builder.inputType("WebhookEndpointIdInput", { fields: (t) => ({ id: t.id({ required: true }) }) });

// The endpoint, found through the caller's scope: another partner's is NOT_FOUND.
async function ownEndpoint(context: GraphQLContext, globalId: string | number) {
  const id = idOf(String(globalId), "WebhookEndpoint");
  const endpoint = await context.db.webhookEndpoint.findUnique({ where: { id }, select: { id: true, partnerId: true, url: true, events: true, description: true } });
  if (!endpoint) throw notFound("WebhookEndpoint");
  setAuditTarget(context, { type: "WebhookEndpoint", id, partnerId: endpoint.partnerId });
  return endpoint;
}

function fieldErrors(context: GraphQLContext, input: { url: string; events: string[]; description: string }): TUserError[] | { url: string; events: string[]; description: string } {
  const parsed = ZEndpointFields.safeParse(input);
  if (!parsed.success) return zodUserErrors(parsed.error);
  const errors = [webhookUrlError(context.outbound, parsed.data.url), webhookEventsError(parsed.data.events)].filter((error) => error !== null);
  return errors.length > 0 ? errors : parsed.data;
}

builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    type: WebhookEndpointPayloadRef,
    description: "Registers an endpoint for the caller's partner; the payload's `secret` is shown this once",
    args: { input: t.arg({ type: CreateWebhookEndpointInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<EndpointPayload> => {
      const partnerId = callerPartnerId(context.principal);
      const checked = fieldErrors(context, { url: input.url, events: input.events, description: input.description ?? "" });
      if (Array.isArray(checked)) return { endpoint: null, userErrors: checked };
      const { id, secret } = await createWebhookEndpoint(context.db, context.keyRing, { partnerId, ...checked });
      setAuditTarget(context, { type: "WebhookEndpoint", id, partnerId });
      return { endpoint: { id }, secret, userErrors: [] };
    },
  }),
  updateWebhookEndpoint: t.field({
    type: WebhookEndpointPayloadRef,
    args: { input: t.arg({ type: UpdateWebhookEndpointInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<EndpointPayload> => {
      const endpoint = await ownEndpoint(context, input.id);
      const checked = fieldErrors(context, { url: input.url ?? endpoint.url, events: input.events ?? endpoint.events, description: input.description ?? endpoint.description });
      if (Array.isArray(checked)) return { endpoint: null, userErrors: checked };
      const switched =
        input.enabled === true ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null }
        : input.enabled === false ? { enabled: false, disabledAt: new Date(), disabledReason: "disabled by hand" }
        : {};
      await context.db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { ...checked, events: [...new Set(checked.events)], ...switched } });
      return { endpoint: { id: endpoint.id }, userErrors: [] };
    },
  }),
  deleteWebhookEndpoint: t.field({
    type: WebhookEndpointPayloadRef,
    description: "Removes an endpoint and its delivery log; nothing more is sent to it",
    args: { input: t.arg({ type: WebhookEndpointIdInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<EndpointPayload> => {
      const endpoint = await ownEndpoint(context, input.id);
      await context.db.webhookEndpoint.delete({ where: { id: endpoint.id } });
      return { endpoint: null, deletedId: String(input.id), userErrors: [] };
    },
  }),
  rotateWebhookSecret: t.field({
    type: WebhookEndpointPayloadRef,
    description: "Replaces the endpoint's signing secret at once and returns the new one, shown this once",
    args: { input: t.arg({ type: WebhookEndpointIdInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<EndpointPayload> => {
      const endpoint = await ownEndpoint(context, input.id);
      const secret = await rotateWebhookSecret(context.db, context.keyRing, endpoint.id);
      return { endpoint: { id: endpoint.id }, secret, userErrors: [] };
    },
  }),
}));

addRules({
  Mutation: { createWebhookEndpoint: isPartnerManager, updateWebhookEndpoint: isPartnerManager, deleteWebhookEndpoint: isPartnerManager, rotateWebhookSecret: isPartnerManager },
  WebhookEndpointPayload: { "*": allow },
});
