import type { IntegrationPlugin } from "@mspgraph/schema";
import { PluginDefinitionError } from "./define-plugin.js";

export type PluginRegistry = {
  readonly plugins: readonly IntegrationPlugin[];
  get(id: string): IntegrationPlugin | undefined;
};

/** An explicit registry: the plugins the API composes, by id; two plugins may not share an id. */
export function createPluginRegistry(plugins: readonly IntegrationPlugin[]): PluginRegistry {
  const byId = new Map<string, IntegrationPlugin>();
  for (const plugin of plugins) {
    if (byId.has(plugin.id)) throw new PluginDefinitionError(plugin.id, "another plugin already uses this id");
    byId.set(plugin.id, plugin);
  }
  return { plugins: [...byId.values()], get: (id) => byId.get(id) };
}
