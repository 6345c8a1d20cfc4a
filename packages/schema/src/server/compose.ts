import type { GraphQLSchema } from "graphql";
import type { IntegrationPlugin } from "../integrations/plugin-contract.js";
import { buildProtectedSchema, registerPlugins } from "../schema.js";

/** The schema an API serves: the core and the given plugins, each field behind its shield rule. */
export function composeSchema(options: { plugins: readonly IntegrationPlugin[]; authorization?: boolean }): GraphQLSchema {
  return buildProtectedSchema(registerPlugins(options.plugins), { authorization: options.authorization });
}
