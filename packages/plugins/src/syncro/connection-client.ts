import type { PluginContext } from "@mspgraph/schema";
import { z } from "zod";
import { syncroBaseUrl } from "./client/base-url.js";
import { SyncroClient } from "./client/client.js";
import { SyncroApiError } from "./client/errors.js";
import type { TSyncroClientOptions } from "./client/options.js";
import { EgressLimiter, type TSyncroRateLimit } from "./egress-limiter.js";
import { DEFAULT_SYNCRO_RATE_LIMIT } from "./rate-limit-settings.js";
import { syncroProviderError } from "./provider-failure.js";

const validSubdomain = (subdomain: string) => {
  try {
    syncroBaseUrl(subdomain);
    return true;
  } catch {
    return false;
  }
};

export const ZSyncroCredentials = z.object({
  subdomain: z.string().trim().min(1, "must not be empty").refine(validSubdomain, "The Syncro subdomain may only contain letters, digits and hyphens (for acme.syncromsp.com, enter acme)"),
  apiToken: z.string().trim().min(8, "must be at least 8 characters"),
});
export const ZSyncroConfig = z.object({
  /** Overrides https://<subdomain>.syncromsp.com/api/v1 (a proxy, or a test server). */
  baseUrl: z.string().url().optional(),
  /** Minutes between incremental syncs. */
  syncMinutes: z.number().int().min(1).max(1440).default(15),
  /** The ticket type of new tickets (an id from Syncro's ticket settings); needed when Syncro requires one. */
  defaultTicketTypeId: z.number().int().positive().optional(),
  /** The problem type of new tickets, one of the account's. */
  defaultProblemType: z.string().trim().min(1).max(100).optional(),
});
export type TSyncroCredentials = z.infer<typeof ZSyncroCredentials>;
export type TSyncroConfig = z.infer<typeof ZSyncroConfig>;

export function baseUrlOf(credentials: TSyncroCredentials, config: Partial<TSyncroConfig>): string {
  return config.baseUrl ?? syncroBaseUrl(credentials.subdomain);
}

/** Where the token is sent: the base URL override, else the subdomain's address. */
export function syncroEndpoint(settings: { credentials: Record<string, unknown>; config: Record<string, unknown> }): { url: string; field: string } {
  const config = ZSyncroConfig.partial().parse(settings.config);
  const credentials = ZSyncroCredentials.pick({ subdomain: true }).parse(settings.credentials);
  return config.baseUrl ? { url: config.baseUrl, field: "config.baseUrl" } : { url: syncroBaseUrl(credentials.subdomain), field: "credentials.subdomain" };
}

/**
 * Settings a plugin instance applies to every connection: the egress rate limit (from the
 * API's environment), and shorter timeouts and backoff in tests.
 */
export type TSyncroTuning = Partial<Pick<TSyncroClientOptions, "timeoutMs" | "backoffBaseMs" | "backoffCapMs" | "maxRetries" | "maxRetryAfterMs">> & { rateLimit?: TSyncroRateLimit };

/**
 * The clients of one plugin instance, one per connection and token (its health spans calls).
 * @remarks The pacing is not kept here but in the database, shared with every other instance.
 */
function clientCache(tuning: TSyncroTuning): (context: PluginContext) => SyncroClient {
  const { rateLimit = DEFAULT_SYNCRO_RATE_LIMIT, ...options } = tuning;
  const clients = new Map<string, SyncroClient>();
  return (context) => {
    const credentials = ZSyncroCredentials.parse(context.credentials() ?? {});
    const baseUrl = baseUrlOf(credentials, ZSyncroConfig.partial().parse(context.connection.config));
    const key = `${context.connection.id}:${baseUrl}:${credentials.apiToken}`;
    let client = clients.get(key);
    if (!client) {
      for (const other of clients.keys()) if (other.startsWith(`${context.connection.id}:`)) clients.delete(other);
      const limiter = new EgressLimiter(context.prisma, rateLimit);
      client = new SyncroClient({ ...options, baseUrl, apiToken: credentials.apiToken, fetch: context.fetch, logger: context.logger, limiter });
      clients.set(key, client);
    }
    return client;
  };
}

/** Runs calls to Syncro for a connection; see `syncroAccess`. */
export type WithSyncro = <Result>(context: PluginContext, work: (client: SyncroClient) => Promise<Result>) => Promise<Result>;

/**
 * Calls to Syncro for a connection that report how they went: a success makes the connection
 * OK, a failure DEGRADED (FAILING when it keeps failing or the token is dead; never for a
 * missing permission).
 * @param tuning client settings for every connection (tests shorten the backoff)
 * @remarks A call rejects with ProviderError carrying Syncro's admin-readable message and its classified reason.
 */
export const syncroAccess = (tuning: TSyncroTuning = {}): WithSyncro => {
  const clientOf = clientCache(tuning);
  return async (context, work) => {
    try {
      const result = await work(clientOf(context));
      await context.reportSuccess();
      return result;
    } catch (error) {
      if (!(error instanceof SyncroApiError)) throw error;
      // A 404 or a refused input is about one record, not the connection's health; a missing
      // permission about one kind of call: the connection degrades, naming it, and never fails.
      if (error.kind !== "not_found" && error.kind !== "bad_request") {
        await context.reportFailure(error.message, { failing: error.kind === "unauthorized" || error.kind === "not_allowed", partial: error.kind === "forbidden" });
      }
      throw syncroProviderError(error);
    }
  };
};

/** The local client a Syncro customer is linked to, per connection. */
export async function linksOf(context: PluginContext): Promise<Map<number, string>> {
  const links = await context.prisma.syncroCustomerLink.findMany({ where: { connectionId: context.connection.id }, select: { customerId: true, clientId: true } });
  return new Map(links.map((link) => [link.customerId, link.clientId]));
}
