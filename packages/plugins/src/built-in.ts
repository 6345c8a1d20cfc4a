import type { IntegrationPlugin } from "@mspgraph/schema";

/**
 * The plugins mspgraph ships, in the order they are composed. The built-in PSA, Syncro
 * and MSP360 plugins join this list as they are built (their API clients are in ./syncro
 * and ./msp360).
 */
export const builtInPlugins: readonly IntegrationPlugin[] = [];
