import type { IntegrationPlugin } from "@mspgraph/schema";
import { msp360Plugin } from "./msp360/plugin.js";
import { psaPlugin } from "./psa/index.js";
import type { TSyncroRateLimit } from "./syncro/egress-limiter.js";
import { createSyncroPlugin } from "./syncro/plugin.js";

/**
 * The plugins mspgraph ships, in the order they are composed, with the API's settings.
 * @param settings `syncro`: the egress rate limit, from `syncroRateLimitFromEnv`
 */
export function createBuiltInPlugins(settings: { syncro?: TSyncroRateLimit } = {}): readonly IntegrationPlugin[] {
  return [psaPlugin, createSyncroPlugin(settings.syncro ? { rateLimit: settings.syncro } : {}), msp360Plugin];
}

/** The plugins mspgraph ships, with default settings (the schema is the same whatever they are). */
export const builtInPlugins: readonly IntegrationPlugin[] = createBuiltInPlugins();
