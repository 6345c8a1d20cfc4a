import type { z } from "zod";
import type { builder } from "../builder.js";
import type { BackupProvider } from "../capabilities/backups.js";
import type { TicketProvider } from "../capabilities/tickets.js";
import type { OutboundFetch } from "../outbound/guarded-fetch.js";
import type { RuleTree } from "../permissions.js";
import type { TenancyDeclarations } from "../tenancy/define-tenancy.js";
import type { PluginContext } from "./plugin-context.js";

/** Core capabilities a plugin may implement; declared, never guessed from its shape. */
export const PLUGIN_CAPABILITIES = ["tickets", "backups"] as const;
export type PluginCapability = (typeof PLUGIN_CAPABILITIES)[number];

/** `field` names the setting at fault (`config.defaultTicketTypeId`); the credentials when absent. */
export type CredentialCheck = { ok: true } | { ok: false; message: string; field?: string };

/** Where a connection's credentials are sent, and the input field that decides it (`config.baseUrl`). */
export type PluginEndpoint = { url: string; field: string };

/** What a plugin gets when it processes one of its stored events (see PluginContext). */
export type PluginEventContext = PluginContext;

/**
 * Work the core runs on a schedule for every connection of the plugin.
 * @remarks Each run is stored as an event of kind `job:<name>` whose id names its time slot,
 * so several API instances schedule it once; it is retried and parked like any event.
 */
export type PluginJob = {
  /** Lower-case letters, digits and dashes; unique within the plugin. */
  name: string;
  /** Minutes between runs; may read the connection's config (a poll interval setting). */
  everyMinutes(config: Record<string, unknown>): number;
  run(context: PluginContext): Promise<void>;
};

/** A stored event: a webhook delivery (`webhook`), a sync request (`sync`) or a plugin's own kind. */
export type PluginEvent = { id: string; kind: string; providerEventId: string; payload: unknown; attempt: number };

/**
 * What the core knows of a plugin: built by `definePlugin` in @mspgraph/plugins.
 * @remarks The core never imports a plugin; apps/api hands the registry's plugins to the
 * schema build, which calls `register` once and merges `rules` (a field without a rule is
 * denied like any core field) and `tenancy`.
 */
export type IntegrationPlugin = {
  /** Stable id: lower-case letters, digits and dashes (used in URLs and stored rows). */
  id: string;
  name: string;
  /** Semantic version of the plugin. */
  version: string;
  description: string;
  capabilities: readonly PluginCapability[];
  /**
   * False for a plugin that needs no connection (the built-in psa): it is always available,
   * and not listed by `integrations`.
   */
  needsConnection: boolean;
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
  /**
   * The tenancy of each model in the plugin's schema.prisma, built with `defineTenancy`; the
   * core merges it with its own at composition.
   * @remarks A model without a declaration is refused to every caller but platform admins, and
   * a plugin may not declare a model the core or another plugin declares.
   */
  tenancy?: TenancyDeclarations;
  /**
   * Where the credentials are sent, from the connection's validated settings.
   * @remarks The core refuses an address the outbound guard would never reach, and an
   * `updateIntegration` that moves it without the credentials entered again: credentials stay
   * bound to the endpoint they were verified against. Without it, any changed setting that is a
   * URL counts as a move.
   */
  endpoint?(settings: { credentials: Record<string, unknown>; config: Record<string, unknown> }): PluginEndpoint;
  /**
   * A live check of credentials before a connection is saved (a cheap authenticated call).
   * @param input the validated settings, and `fetch`, the core's guarded fetch to make the call with
   */
  verifyCredentials?(input: { credentials: Record<string, unknown>; config: Record<string, unknown>; fetch: OutboundFetch }): Promise<CredentialCheck>;
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
  /** Scheduled work (polling a service), run for every connection. */
  jobs?: readonly PluginJob[];
  /** Present exactly when `capabilities` has "tickets". */
  tickets?: TicketProvider;
  /** Present exactly when `capabilities` has "backups". */
  backups?: BackupProvider;
};
