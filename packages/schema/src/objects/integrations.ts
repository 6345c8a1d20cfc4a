import type { IntegrationConnection } from "@mspgraph/db";
import { resolveArrayConnection } from "@pothos/plugin-relay";
import { setAuditTarget } from "../audit/mutation-audit.js";
import { removeConnectionPlans } from "../backups/remove-unseen.js";
import { eventActorOf } from "../domain-events/actor.js";
import { recordStatusChange } from "../integrations/connection-status.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { CredentialDecryptionError } from "../crypto/credential-cipher.js";
import { decryptCredentials, decryptWebhookSecret, encryptCredentials, findConnection, newWebhookSecret, parseWith, connectablePlugin } from "../integrations/connections.js";
import { checkSettings, configErrors, endpointMoveError } from "../integrations/settings-check.js";
import "../integrations/json-object.js";
import type { IntegrationPlugin } from "../integrations/plugin-contract.js";
import { addRules, allow } from "../permissions.js";
import { callerPartnerId } from "../tenant-scope.js";
import { isPartnerManager, isStaff } from "../rules/roles.js";
import { type TUserError, UserErrorRef } from "./user-error.js";

type IntegrationShape = { plugin: IntegrationPlugin; connection: IntegrationConnection | null };

const IntegrationStatusEnum = builder.enumType("IntegrationStatus", {
  values: {
    OK: { description: "Connected and working" },
    DEGRADED: { description: "Connected; recent calls to the service failed" },
    FAILING: { description: "Connected; calls keep failing (see lastError)" },
    DISCONNECTED: { description: "Not connected" },
  } as const,
});
const CapabilityEnum = builder.enumType("PluginCapability", { values: ["tickets", "backups"] as const });

const SyncProgressRef = builder.objectRef<{ done: number; total: number }>("SyncProgress").implement({
  fields: (t) => ({ done: t.exposeInt("done"), total: t.exposeInt("total") }),
});

const IntegrationRef = builder.objectRef<IntegrationShape>("Integration").implement({
  description: "A plugin and the caller's partner's connection to it. Credentials are write-only: never returned.",
  fields: (t) => ({
    pluginId: t.string({ resolve: ({ plugin }) => plugin.id }),
    name: t.string({ resolve: ({ plugin }) => plugin.name }),
    version: t.string({ resolve: ({ plugin }) => plugin.version }),
    description: t.string({ resolve: ({ plugin }) => plugin.description }),
    capabilities: t.field({ type: [CapabilityEnum], resolve: ({ plugin }) => [...plugin.capabilities] }),
    status: t.field({ type: IntegrationStatusEnum, resolve: ({ connection }) => connection?.status ?? "DISCONNECTED" }),
    config: t.field({ type: "JSONObject", nullable: true, description: "The connection's settings (no secrets)", resolve: ({ connection }) => (connection?.config as Record<string, unknown>) ?? null }),
    lastSyncAt: t.field({ type: "DateTime", nullable: true, resolve: ({ connection }) => connection?.lastSyncAt ?? null }),
    lastError: t.string({ nullable: true, resolve: ({ connection }) => connection?.lastError ?? null }),
    syncProgress: t.field({
      type: SyncProgressRef,
      nullable: true,
      description: "A running sync's progress (pages done out of total); null when none runs",
      resolve: ({ connection }) => (connection?.syncProgress as { done: number; total: number } | null) ?? null,
    }),
    hasCredentials: t.boolean({ resolve: ({ connection }) => Boolean(connection?.credentialsCiphertext) }),
    credentialsUpdatedAt: t.field({ type: "DateTime", nullable: true, resolve: ({ connection }) => connection?.credentialsUpdatedAt ?? null }),
    webhookPath: t.string({
      nullable: true,
      description: "Where the service should send webhooks (append it to the API's public address); it holds a secret",
      resolve: ({ plugin, connection }, _args, context) => {
        const secret = plugin.webhook && connection ? decryptWebhookSecret(context, connection) : null;
        return secret ? `/webhooks/${plugin.id}/${connection!.id}/${secret}` : null;
      },
    }),
  }),
});

builder.queryField("integrations", (t) =>
  t.connection({
    type: IntegrationRef,
    description: "Every plugin, with the caller's partner's connection status",
    resolve: async (_root, args, context) => {
      const partnerId = callerPartnerId(context.principal);
      const connections = await context.db.integrationConnection.findMany({ where: { partnerId } });
      const items = context.plugins.filter((plugin) => plugin.needsConnection).map((plugin) => ({ plugin, connection: connections.find((c) => c.pluginId === plugin.id) ?? null }));
      return resolveArrayConnection({ args }, items);
    },
  }),
);

type IntegrationPayload = { integration: IntegrationShape | null; userErrors: TUserError[] };

const IntegrationPayloadRef = builder.objectRef<IntegrationPayload>("IntegrationPayload").implement({
  fields: (t) => ({
    integration: t.field({ type: IntegrationRef, nullable: true, resolve: (p) => p.integration }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const ConnectIntegrationInput = builder.inputType("ConnectIntegrationInput", {
  fields: (t) => ({
    pluginId: t.string({ required: true }),
    credentials: t.field({ type: "JSONObject", required: true, description: "Checked by the plugin's schema and a live call, then stored encrypted" }),
    config: t.field({ type: "JSONObject", required: false }),
  }),
});
const UpdateIntegrationInput = builder.inputType("UpdateIntegrationInput", {
  fields: (t) => ({
    pluginId: t.string({ required: true }),
    credentials: t.field({ type: "JSONObject", required: false, description: "Replaces the stored credentials (they cannot be read back)" }),
    config: t.field({ type: "JSONObject", required: false }),
  }),
});
const DisconnectIntegrationInput = builder.inputType("DisconnectIntegrationInput", { fields: (t) => ({ pluginId: t.string({ required: true }) }) });

const notFoundPlugin = (pluginId: string): IntegrationPayload => ({ integration: null, userErrors: [{ field: "pluginId", message: `no plugin "${pluginId}"`, code: "NOT_FOUND" }] });

// Settings stored before a setting existed get its default, as the plugin would read them.
function storedConfig(plugin: IntegrationPlugin, connection: IntegrationConnection): Record<string, unknown> {
  const parsed = parseWith(plugin.configSchema, connection.config);
  return parsed.ok ? parsed.value : ((connection.config as Record<string, unknown>) ?? {});
}

// Credentials this API cannot decrypt (a key no longer configured) cannot be sent anywhere either.
function storedCredentials(context: Pick<GraphQLContext, "keyRing">, connection: IntegrationConnection): Record<string, unknown> {
  try {
    return decryptCredentials(context, connection) ?? {};
  } catch (error) {
    if (error instanceof CredentialDecryptionError) return {};
    throw error;
  }
}

builder.mutationFields((t) => ({
  connectIntegration: t.field({
    type: IntegrationPayloadRef,
    description: "Connects the caller's partner to a plugin after validating and live-checking the credentials",
    args: { input: t.arg({ type: ConnectIntegrationInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<IntegrationPayload> => {
      const partnerId = callerPartnerId(context.principal);
      const plugin = connectablePlugin(context, input.pluginId);
      if (!plugin) return notFoundPlugin(input.pluginId);
      const checked = await checkSettings(context, plugin, input.credentials, input.config ?? {});
      if (!checked.ok) return { integration: null, userErrors: [...checked.errors] };
      const existing = await findConnection(context.db, partnerId, plugin.id);
      const webhook = plugin.webhook && !existing?.webhookSecretCiphertext ? newWebhookSecret(context.keyRing, partnerId, plugin.id) : null;
      const data = {
        ...(webhook ? { webhookSecretCiphertext: webhook.ciphertext } : {}),
        status: "OK" as const,
        config: checked.config as object,
        credentialsCiphertext: encryptCredentials(context, partnerId, plugin.id, checked.credentials),
        credentialsUpdatedAt: new Date(),
        lastError: null,
      };
      const actor = await eventActorOf(context.database.prisma, context.principal);
      const connection = await context.db.$transaction(async (tx) => {
        const saved = await tx.integrationConnection.upsert({ where: { partnerId_pluginId: { partnerId, pluginId: plugin.id } }, create: { partnerId, pluginId: plugin.id, ...data }, update: data });
        await recordStatusChange(tx, { connection: saved, from: existing?.status ?? "DISCONNECTED", to: saved.status, actor });
        return saved;
      });
      setAuditTarget(context, { type: "IntegrationConnection", id: connection.id, partnerId });
      return { integration: { plugin, connection }, userErrors: [] };
    },
  }),
  updateIntegration: t.field({
    type: IntegrationPayloadRef,
    description: "Changes a connection's settings, and its credentials when given (checked live like connectIntegration)",
    args: { input: t.arg({ type: UpdateIntegrationInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<IntegrationPayload> => {
      const partnerId = callerPartnerId(context.principal);
      const plugin = connectablePlugin(context, input.pluginId);
      if (!plugin) return notFoundPlugin(input.pluginId);
      const existing = await findConnection(context.db, partnerId, plugin.id);
      if (!existing) return { integration: null, userErrors: [{ field: "pluginId", message: "not connected: use connectIntegration", code: "NOT_FOUND" }] };
      const config = input.config ?? (existing.config as Record<string, unknown>);
      if (input.credentials) {
        const checked = await checkSettings(context, plugin, input.credentials, config);
        if (!checked.ok) return { integration: null, userErrors: [...checked.errors] };
        const actor = await eventActorOf(context.database.prisma, context.principal);
        const connection = await context.db.$transaction(async (tx) => {
          const saved = await tx.integrationConnection.update({
            where: { id: existing.id },
            data: { config: checked.config as object, credentialsCiphertext: encryptCredentials(context, partnerId, plugin.id, checked.credentials), credentialsUpdatedAt: new Date(), status: "OK", lastError: null },
          });
          await recordStatusChange(tx, { connection: saved, from: existing.status, to: saved.status, actor });
          return saved;
        });
        setAuditTarget(context, { type: "IntegrationConnection", id: connection.id, partnerId });
        return { integration: { plugin, connection }, userErrors: [] };
      }
      const conf = configErrors(plugin, config);
      if (!conf.ok) return { integration: null, userErrors: conf.errors };
      const stored = { credentials: storedCredentials(context, existing), config: storedConfig(plugin, existing) };
      const moved = endpointMoveError(plugin, stored, conf.value);
      if (moved) return { integration: null, userErrors: [moved] };
      const connection = await context.db.integrationConnection.update({ where: { id: existing.id }, data: { config: conf.value as object } });
      setAuditTarget(context, { type: "IntegrationConnection", id: connection.id, partnerId });
      return { integration: { plugin, connection }, userErrors: [] };
    },
  }),
  disconnectIntegration: t.field({
    type: IntegrationPayloadRef,
    description: "Disconnects and erases the stored credentials",
    args: { input: t.arg({ type: DisconnectIntegrationInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<IntegrationPayload> => {
      const partnerId = callerPartnerId(context.principal);
      const plugin = connectablePlugin(context, input.pluginId);
      if (!plugin) return notFoundPlugin(input.pluginId);
      const existing = await findConnection(context.db, partnerId, plugin.id);
      if (existing) {
        await removeConnectionPlans({ prisma: context.db, events: context.events, connection: existing });
        const actor = await eventActorOf(context.database.prisma, context.principal);
        await context.db.$transaction(async (tx) => {
          await tx.integrationConnection.delete({ where: { id: existing.id } });
          await recordStatusChange(tx, { connection: existing, from: existing.status, to: "DISCONNECTED", actor });
        });
        setAuditTarget(context, { type: "IntegrationConnection", id: existing.id, partnerId });
      }
      return { integration: { plugin, connection: null }, userErrors: [] };
    },
  }),
}));

addRules({
  Query: { integrations: isStaff },
  Mutation: { connectIntegration: isPartnerManager, updateIntegration: isPartnerManager, disconnectIntegration: isPartnerManager },
  Integration: { "*": isStaff, webhookPath: isPartnerManager },
  SyncProgress: { "*": isStaff },
  IntegrationPayload: { "*": allow },
});
