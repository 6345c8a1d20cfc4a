import { type Api, type ApiOptions, createApi as createCoreApi } from "@mspgraph/schema/server";
import { pluginRegistry } from "./composed-schema.js";

export type { Api } from "@mspgraph/schema/server";

/** The API with mspgraph's plugins (the core builds it; this app chooses what it serves). */
export function createApi(options: Omit<ApiOptions, "plugins"> & { plugins?: ApiOptions["plugins"] }): Api {
  return createCoreApi({ ...options, plugins: options.plugins ?? pluginRegistry.plugins });
}
