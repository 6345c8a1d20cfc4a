import type { IntegrationPlugin } from "@mspgraph/schema";
import { msp360Plugin } from "./msp360/plugin.js";
import { psaPlugin } from "./psa/index.js";
import { syncroPlugin } from "./syncro/plugin.js";

/**
 * The plugins mspgraph ships, in the order they are composed.
 */
export const builtInPlugins: readonly IntegrationPlugin[] = [psaPlugin, syncroPlugin, msp360Plugin];
