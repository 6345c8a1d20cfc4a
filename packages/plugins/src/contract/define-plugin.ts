import {
  type BackupProvider,
  type CredentialCheck,
  type IntegrationPlugin,
  type OutboundFetch,
  PLUGIN_CAPABILITIES,
  type PluginJob,
  type RuleTree,
  type TenancyDeclarations,
  type TicketProvider,
  type builder,
} from "@mspgraph/schema";
import { z } from "zod";

export class PluginDefinitionError extends Error {
  constructor(pluginId: string, problem: string) {
    super(`plugin "${pluginId}" is invalid: ${problem}`);
    this.name = "PluginDefinitionError";
  }
}

const TICKET_METHODS = ["createTicket", "addComment", "changeStatus", "addTimeEntry", "addLineItem", "removeLineItem"] as const;

// The types check a plugin's declarations against Prisma's models; this checks their shape for
// a plugin built without them.
const column = z.string().min(1);
const ZModelTenancy = z.discriminatedUnion("owner", [
  z.object({ owner: z.literal("none"), reason: z.string().min(1) }).strict(),
  z.object({ owner: z.literal("partner"), partnerColumn: column, clientUsers: z.enum(["refused", "wholePartner"]), staffOnlyColumns: z.array(column).optional() }).strict(),
  z
    .object({
      owner: z.literal("client"),
      partnerColumn: column,
      clientColumn: column,
      clientUsers: z.enum(["refused", "ownClient"]),
      clientRows: z.record(z.string(), z.unknown()).optional(),
      staffOnlyColumns: z.array(column).optional(),
    })
    .strict(),
]);

const ZPluginManifest = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "id must be 2-40 lower-case letters, digits or dashes, starting with a letter"),
  name: z.string().trim().min(1, "name must not be empty"),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "version must be semantic, like 1.2.3"),
  description: z.string().default(""),
  capabilities: z.array(z.enum(PLUGIN_CAPABILITIES)).default([]),
  credentialsSchema: z.instanceof(z.ZodObject, { message: "credentialsSchema must be a zod object schema" }),
  configSchema: z.instanceof(z.ZodObject, { message: "configSchema must be a zod object schema" }),
  register: z.function().optional(),
  rules: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  endpoint: z.function().optional(),
  tenancy: z.record(z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "a model name"), ZModelTenancy).optional(),
  verifyCredentials: z.function().optional(),
  webhook: z.object({ eventId: z.function().optional() }).optional(),
  handleEvent: z.function().optional(),
  needsConnection: z.boolean().default(true),
  jobs: z
    .array(z.object({ name: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "a job name must be lower-case letters, digits or dashes"), everyMinutes: z.function(), run: z.function() }))
    .refine((jobs) => new Set(jobs.map((job) => job.name)).size === jobs.length, "two jobs share a name")
    .optional(),
  tickets: z.object(Object.fromEntries(TICKET_METHODS.map((method) => [method, z.function()]))).passthrough().optional(),
  backups: z.object({ listPlans: z.function(), clientIdForCompany: z.function() }).passthrough().optional(),
});

// Each declared capability needs its implementation, and an implementation its declaration.
function capabilityProblem(definition: { capabilities?: readonly string[]; tickets?: unknown; backups?: unknown }): string | null {
  for (const capability of PLUGIN_CAPABILITIES) {
    const declared = definition.capabilities?.includes(capability) ?? false;
    const implemented = definition[capability] !== undefined;
    if (declared && !implemented) return `declares the "${capability}" capability but has no \`${capability}\` implementation`;
    if (!declared && implemented) return `implements \`${capability}\` without declaring the "${capability}" capability`;
  }
  return null;
}

/** What a plugin author writes; see docs/plugins.md. */
export type PluginDefinition<Credentials extends z.ZodObject, Config extends z.ZodObject> = {
  id: string;
  name: string;
  version: string;
  description?: string;
  capabilities?: IntegrationPlugin["capabilities"];
  credentialsSchema: Credentials;
  configSchema: Config;
  register?(schemaBuilder: typeof builder): void;
  rules?: RuleTree;
  /** Where the credentials are sent (see IntegrationPlugin.endpoint): a change needs them entered again. */
  endpoint?: IntegrationPlugin["endpoint"];
  /** The tenancy of each model in the plugin's schema.prisma (`defineTenancy`); see docs/plugins.md. */
  tenancy?: TenancyDeclarations;
  /** Calls the service with `fetch`, the core's guarded fetch, never the global one. */
  verifyCredentials?(input: { credentials: z.infer<Credentials>; config: z.infer<Config>; fetch: OutboundFetch }): Promise<CredentialCheck>;
  webhook?: IntegrationPlugin["webhook"];
  handleEvent?: IntegrationPlugin["handleEvent"];
  /** False only for a plugin that works without a partner connecting it (the built-in psa). */
  needsConnection?: boolean;
  jobs?: readonly PluginJob[];
  tickets?: TicketProvider;
  backups?: BackupProvider;
};

/**
 * Checks a plugin's definition and returns it as the core sees it.
 * @throws PluginDefinitionError naming the plugin and the first problem, at startup
 */
export function definePlugin<Credentials extends z.ZodObject, Config extends z.ZodObject>(definition: PluginDefinition<Credentials, Config>): IntegrationPlugin {
  const parsed = ZPluginManifest.safeParse(definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw new PluginDefinitionError(String((definition as { id?: unknown })?.id ?? "(no id)"), `${where}${issue.message}`);
  }
  const problem = capabilityProblem(definition);
  if (problem) throw new PluginDefinitionError(definition.id, problem);
  return { ...definition, description: definition.description ?? "", capabilities: definition.capabilities ?? [], needsConnection: definition.needsConnection ?? true } as IntegrationPlugin;
}
