export { PluginDefinitionError, type PluginDefinition, definePlugin } from "./contract/define-plugin.js";
export { type PluginRegistry, createPluginRegistry } from "./contract/registry.js";
export { builtInPlugins, createBuiltInPlugins } from "./built-in.js";
export type { TSyncroRateLimit } from "./syncro/egress-limiter.js";
export { syncroRateLimitFromEnv } from "./syncro/rate-limit-settings.js";
