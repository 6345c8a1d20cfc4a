import { z } from "zod";
import { definePlugin } from "../contract/define-plugin.js";
import { SyncroClient } from "./client/client.js";
import { SyncroApiError } from "./client/errors.js";
import { type TSyncroTuning, ZSyncroConfig, ZSyncroCredentials, baseUrlOf, syncroAccess, syncroEndpoint } from "./connection-client.js";
import { registerSyncroSchema, syncroRules } from "./graphql.js";
import { syncTickets, refreshTicket } from "./ticket-sync.js";
import { ticketDefaultsProblem } from "./ticket-defaults.js";
import { syncroTickets } from "./ticket-provider.js";
import { syncroTenancy } from "./syncro.tenancy.js";

// Syncro's notification JSON: a human-readable `text` and the record in `attributes`.
const ZSyncroWebhook = z.object({
  text: z.string().optional(),
  attributes: z.object({ id: z.union([z.number(), z.string()]).optional(), ticket_id: z.union([z.number(), z.string()]).optional() }).passthrough().optional(),
});

/** The ticket a delivery is about: a ticket's own id, or the ticket of a comment or line item. */
function ticketIdOf(body: unknown): number | null {
  const parsed = ZSyncroWebhook.safeParse(body);
  if (!parsed.success || !parsed.data.attributes) return null;
  const { attributes, text = "" } = parsed.data;
  const raw = attributes.ticket_id ?? (/ticket/i.test(text.split("\n")[0] ?? "") || text === "" ? attributes.id : undefined);
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * The Syncro plugin.
 * @param tuning the egress rate limit (`syncroRateLimitFromEnv`) and client settings for every
 * connection; tests shorten the backoff and the limit's window
 */
export const createSyncroPlugin = (tuning: TSyncroTuning = {}) => {
  const withSyncro = syncroAccess(tuning);
  // A connect-time check is one call, made before the connection (and its context) exists.
  const { rateLimit: _rateLimit, ...clientTuning } = tuning;
  return definePlugin({
    id: "syncro",
    name: "Syncro",
    version: "1.0.0",
    description: "Syncro as the partner's PSA: two-way ticket sync, customers linked to clients, write-through with technician attribution",
    capabilities: ["tickets"],
    credentialsSchema: ZSyncroCredentials,
    configSchema: ZSyncroConfig,
    endpoint: syncroEndpoint,
    async verifyCredentials({ credentials, config, fetch }) {
      let baseUrl: string;
      try {
        baseUrl = baseUrlOf(credentials, config);
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      }
      try {
        const client = new SyncroClient({ timeoutMs: 10_000, ...clientTuning, baseUrl, apiToken: credentials.apiToken, fetch, maxRetries: 1 });
        await client.verify();
        // Defaults for new tickets must be the account's own, or every new ticket would be refused.
        if (config.defaultTicketTypeId === undefined && config.defaultProblemType === undefined) return { ok: true };
        const problem = ticketDefaultsProblem(await client.ticketSettings(), config);
        return problem ? { ok: false, ...problem } : { ok: true };
      } catch (error) {
        if (error instanceof SyncroApiError) return { ok: false, message: error.message };
        throw error;
      }
    },
    register: (builder) => registerSyncroSchema(builder, withSyncro),
    rules: syncroRules,
    tenancy: syncroTenancy,
    tickets: syncroTickets(withSyncro),
    // Deliveries are unsigned: the body only names the ticket, which is re-read through the API.
    webhook: {},
    async handleEvent(event, context) {
      if (event.kind === "sync") return void (await syncTickets(withSyncro, context));
      if (event.kind !== "webhook") throw new Error(`Syncro handles no "${event.kind}" events`);
      const ticketId = ticketIdOf(event.payload);
      if (ticketId === null) return context.logger.info({ eventId: event.id }, "Syncro webhook names no ticket: ignored");
      await refreshTicket(withSyncro, context, ticketId);
    },
    jobs: [{ name: "sync", everyMinutes: (config) => Number(config.syncMinutes ?? 15), run: async (context) => void (await syncTickets(withSyncro, context)) }],
  });
};

export const syncroPlugin = createSyncroPlugin();
