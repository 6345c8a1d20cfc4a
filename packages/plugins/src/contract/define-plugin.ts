import { type CredentialCheck, type IntegrationPlugin, PLUGIN_CAPABILITIES, type RuleTree, type builder } from "@mspgraph/schema";
import { z } from "zod";

export class PluginDefinitionError extends Error {
  constructor(pluginId: string, problem: string) {
    super(`plugin "${pluginId}" is invalid: ${problem}`);
    this.name = "PluginDefinitionError";
  }
}

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
  verifyCredentials: z.function().optional(),
  webhook: z.object({ eventId: z.function().optional() }).optional(),
  handleEvent: z.function().optional(),
});

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
  verifyCredentials?(input: { credentials: z.infer<Credentials>; config: z.infer<Config> }): Promise<CredentialCheck>;
  webhook?: IntegrationPlugin["webhook"];
  handleEvent?: IntegrationPlugin["handleEvent"];
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
  return { ...definition, description: definition.description ?? "", capabilities: definition.capabilities ?? [] } as IntegrationPlugin;
}
