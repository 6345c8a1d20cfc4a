import type { GraphQLContext } from "../context.js";
import { apiError } from "../errors.js";
import { callerPartnerId } from "../tenant-scope.js";
import { type PluginContext, createPluginContext } from "./plugin-context.js";

/**
 * The caller's partner's connection of a plugin, as the context the plugin's own GraphQL
 * resolvers act through (the same one its jobs and events get).
 * @param plugin its id, and the name the PROVIDER_UNAVAILABLE message uses when the partner has not connected it
 * @remarks Throws FORBIDDEN for a caller who acts for no partner.
 */
export async function callerPluginContext(context: GraphQLContext, plugin: { id: string; name: string }): Promise<PluginContext> {
  const partnerId = callerPartnerId(context.principal);
  const connection = await context.db.integrationConnection.findUnique({ where: { partnerId_pluginId: { partnerId, pluginId: plugin.id } } });
  if (!connection?.credentialsCiphertext) throw apiError("PROVIDER_UNAVAILABLE", `${plugin.name} is not connected: connect it under Integrations first`);
  return createPluginContext({ root: context.database.prisma, keyRing: context.keyRing, logger: context.logger, connection, events: context.events, outbound: context.outbound, plugins: context.plugins });
}
