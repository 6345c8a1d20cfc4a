import type { PrismaClient } from "@mspgraph/db";
import type { z } from "zod";
import type { builder } from "../builder.js";
import type { RuleTree } from "../permissions.js";

/** Core capabilities a plugin may implement; declared, never guessed from its shape. */
export const PLUGIN_CAPABILITIES = ["tickets", "backups"] as const;
export type PluginCapability = (typeof PLUGIN_CAPABILITIES)[number];

export type CredentialCheck = { ok: true } | { ok: false; message: string };

/** What a plugin gets when it processes one of its stored events. */
export type PluginEventContext = {
  connection: { id: string; partnerId: string; pluginId: string; config: Record<string, unknown> };
  /** The connection's credentials, decrypted for this call only; never log or return them. */
  credentials(): Record<string, unknown> | null;
  /** A Prisma client scoped to the connection's partner. */
  prisma: PrismaClient;
};

/** A stored event: a webhook delivery (`webhook`), a sync request (`sync`) or a plugin's own kind. */
export type PluginEvent = { id: string; kind: string; providerEventId: string; payload: unknown; attempt: number };

/**
 * What the core knows of a plugin: built by `definePlugin` in @mspgraph/plugins.
 * @remarks The core never imports a plugin; apps/api hands the registry's plugins to the
 * schema build, which calls `register` once and merges `rules` (a field without a rule is
 * denied like any core field).
 */
export type IntegrationPlugin = {
  /** Stable id: lower-case letters, digits and dashes (used in URLs and stored rows). */
  id: string;
  name: string;
  /** Semantic version of the plugin. */
  version: string;
  description: string;
  capabilities: readonly PluginCapability[];
  /** Validates the credentials a partner connects with; they are stored encrypted and never returned. */
  credentialsSchema: z.ZodObject;
  /** Validates the connection's non-secret settings. */
  configSchema: z.ZodObject;
  /**
   * Adds the plugin's types, fields and mutations with Pothos.
   * @param schemaBuilder the core's builder: reference core types through its refs
   */
  register?(schemaBuilder: typeof builder): void;
  /** Shield rules for every field `register` adds. */
  rules?: RuleTree;
  /** A live check of credentials before a connection is saved (a cheap authenticated call). */
  verifyCredentials?(input: { credentials: Record<string, unknown>; config: Record<string, unknown> }): Promise<CredentialCheck>;
  /**
   * Present when the plugin accepts webhooks at `/webhooks/<pluginId>/<connectionId>/<secret>`.
   * @remarks Deliveries are stored before they are acknowledged; `eventId` gives the provider's
   * id of a delivery so a repeated one has one effect (a hash of the body when it returns nothing).
   */
  webhook?: { eventId?(body: unknown): string | undefined };
  /**
   * Processes one stored event, at least once: make it idempotent. Throw to have it retried
   * with exponential backoff; after the last try it is parked as DEAD for a person to retry.
   */
  handleEvent?(event: PluginEvent, context: PluginEventContext): Promise<void>;
};
