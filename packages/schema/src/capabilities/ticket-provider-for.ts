import { GraphQLError } from "graphql";
import type { GraphQLContext } from "../context.js";
import { apiError } from "../errors.js";
import { type PluginContext, createPluginContext } from "../integrations/plugin-context.js";
import { pluginById } from "../integrations/connections.js";
import { guardedFetch } from "../outbound/guarded-fetch.js";
import { ProviderError, ProviderSettingError } from "./provider-error.js";
import type { TicketProvider } from "./tickets.js";

export type BoundTicketProvider = { pluginId: string; name: string; provider: TicketProvider; context: PluginContext };

// A plugin that needs no connection (the built-in psa) gets a context with nothing to report on.
function connectionlessContext(context: GraphQLContext, partnerId: string, pluginId: string): PluginContext {
  const done = async () => undefined;
  return {
    connection: { id: `builtin:${pluginId}`, partnerId, pluginId, config: {} },
    credentials: () => null,
    fetch: guardedFetch(context.outbound),
    prisma: context.db,
    events: context.events,
    logger: context.logger.child({ pluginId }),
    reportSuccess: done,
    reportFailure: done,
    reportProgress: done,
    markSynced: done,
    loadState: async () => null,
    saveState: done,
  };
}

/**
 * The ticket provider for a partner's ticket, bound to the partner's connection.
 * @param providerId the ticket's `provider`, or the partner's `ticketProvider` for a new one
 * @throws PROVIDER_UNAVAILABLE when the plugin is not installed or the partner disconnected it
 */
export async function ticketProviderFor(context: GraphQLContext, partnerId: string, providerId: string): Promise<BoundTicketProvider> {
  const plugin = pluginById(context, providerId);
  if (!plugin?.tickets) throw apiError("PROVIDER_UNAVAILABLE", `the ticket provider "${providerId}" is not installed`);
  if (!plugin.needsConnection) return { pluginId: plugin.id, name: plugin.name, provider: plugin.tickets, context: connectionlessContext(context, partnerId, plugin.id) };
  // Client users may write tickets but never read connections: the lookup is by the partner the ticket belongs to.
  const connection = await context.database.prisma.integrationConnection.findUnique({ where: { partnerId_pluginId: { partnerId, pluginId: plugin.id } } });
  if (!connection || connection.status === "DISCONNECTED" || !connection.credentialsCiphertext) {
    throw apiError("PROVIDER_UNAVAILABLE", `${plugin.name} keeps these tickets, and it is not connected: reconnect it or choose another ticket provider`);
  }
  return { pluginId: plugin.id, name: plugin.name, provider: plugin.tickets, context: createPluginContext({ root: context.database.prisma, keyRing: context.keyRing, logger: context.logger, connection, events: context.events, outbound: context.outbound, plugins: context.plugins }) };
}

/**
 * Runs a provider's write before the local one; a failure becomes a clear error and nothing
 * local is written (the caller writes only after this returns).
 */
export async function writeThrough<Result>(bound: BoundTicketProvider, action: string, call: () => Promise<Result>): Promise<Result> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GraphQLError || error instanceof ProviderSettingError) throw error;
    const known = error instanceof ProviderError ? error : undefined;
    const message = known?.message ?? "the service did not answer as expected";
    bound.context.logger.warn({ action, error: (error as Error).message }, "ticket provider refused a write");
    throw apiError("PROVIDER_ERROR", `${bound.name} did not accept ${action}, so nothing was saved: ${message}`, {
      ...known?.extensions,
      reason: known?.reason ?? "UNAVAILABLE",
      provider: bound.pluginId,
    });
  }
}
