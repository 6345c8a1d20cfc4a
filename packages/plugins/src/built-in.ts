import type { IntegrationPlugin } from "@mspgraph/schema";
import { psaPlugin } from "./psa/index.js";

/**
 * The plugins mspgraph ships, in the order they are composed. Syncro and MSP360 join this
 * list as they are built (their API clients are in ./syncro and ./msp360).
 */
export const builtInPlugins: readonly IntegrationPlugin[] = [psaPlugin];
