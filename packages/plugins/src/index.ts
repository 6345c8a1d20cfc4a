export { PluginDefinitionError, type PluginDefinition, definePlugin } from "./contract/define-plugin.js";
export { type PluginRegistry, createPluginRegistry } from "./contract/registry.js";
export { builtInPlugins } from "./built-in.js";
