import { builtInPlugins, createPluginRegistry } from "@mspgraph/plugins";
import { type IntegrationPlugin, buildUnprotectedSchema, printSdl, registerPlugins } from "@mspgraph/schema";
import { composeSchema as composeCoreSchema } from "@mspgraph/schema/server";
import type { GraphQLSchema } from "graphql";

/** The plugins this API composes (validated at startup: a bad one stops it with its name). */
export const pluginRegistry = createPluginRegistry(builtInPlugins);

/** The schema the API serves: the core and every plugin, each field behind its shield rule. */
export function composeSchema(options: { authorization?: boolean; plugins?: readonly IntegrationPlugin[] } = {}): GraphQLSchema {
  const plugins = options.plugins ? createPluginRegistry(options.plugins).plugins : pluginRegistry.plugins;
  return composeCoreSchema({ plugins, authorization: options.authorization });
}

/** The composed SDL, as checked in to the repository's schema.graphql. */
export function composedSdl(): string {
  registerPlugins(pluginRegistry.plugins);
  return printSdl(buildUnprotectedSchema());
}
