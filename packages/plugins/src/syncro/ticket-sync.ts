import { type PluginContext, importProviderTicket } from "@mspgraph/schema";
import type { SyncroClient } from "./client/client.js";
import { type WithSyncro, linksOf } from "./connection-client.js";
import { toProviderTicket } from "./ticket-mapping.js";

// Syncro's since_updated_at is compared with its own clock: start the next sync a little early.
const CLOCK_SKEW_MS = 2 * 60 * 1000;

type SyncState = { ticketsUpdatedSince?: string };
export type SyncSummary = { pages: number; imported: number; skipped: number };

/**
 * Contact emails by contact id, fetched once per customer for a whole sync: Syncro's ticket
 * records carry only the contact's id (sparse), and one list call per customer serves every
 * ticket of that customer.
 */
function contactEmails(client: SyncroClient) {
  const byCustomer = new Map<number, Promise<Map<number, string>>>();
  return async (customerId: number, contactId: number | null): Promise<string | null> => {
    if (contactId === null) return null;
    let emails = byCustomer.get(customerId);
    if (!emails) {
      emails = (async () => {
        const map = new Map<number, string>();
        for (let page = 1; ; page++) {
          const { contacts, meta } = await client.listContacts({ customerId, page });
          for (const contact of contacts) if (contact.email) map.set(contact.id, contact.email);
          if (page >= meta.totalPages || contacts.length === 0) return map;
        }
      })();
      byCustomer.set(customerId, emails);
    }
    return (await emails).get(contactId) ?? null;
  };
}

/** Imports one ticket by id, fresh from Syncro: a webhook's prompt, or a changed ticket in a sync. */
async function importTicket(context: PluginContext, client: SyncroClient, input: { id: number; links: Map<number, string>; emailOf: ReturnType<typeof contactEmails> }) {
  const ticket = await client.getTicket(input.id);
  const clientId = ticket.customerId === null ? null : (input.links.get(ticket.customerId) ?? null);
  if (!clientId) return "skipped" as const;
  const contactEmail = await input.emailOf(ticket.customerId!, ticket.contactId);
  return importProviderTicket(context, toProviderTicket(ticket, { clientId, contactEmail }));
}

/**
 * Brings Syncro's tickets into the core: every page of tickets changed since the last sync
 * (all of them the first time), each re-read whole for its comments and line items.
 * @remarks Tickets of customers not linked to a client are skipped; linking one and syncing
 * again brings them in (linking resets the checkpoint).
 */
export async function syncTickets(withSyncro: WithSyncro, context: PluginContext): Promise<SyncSummary> {
  const state = (await context.loadState<SyncState>()) ?? {};
  const since = state.ticketsUpdatedSince ? new Date(state.ticketsUpdatedSince) : undefined;
  const startedAt = new Date();
  const links = await linksOf(context);
  const summary: SyncSummary = { pages: 0, imported: 0, skipped: 0 };
  await withSyncro(context, async (client) => {
    const emailOf = contactEmails(client);
    for (let page = 1; ; page++) {
      const { tickets, meta } = await client.listTickets({ sinceUpdatedAt: since, page });
      summary.pages = page;
      await context.reportProgress({ done: page, total: meta.totalPages });
      context.logger.info({ page, totalPages: meta.totalPages, tickets: tickets.length }, "Syncro sync: page done");
      for (const listed of tickets) {
        const linked = listed.customerId !== null && links.has(listed.customerId);
        if (!linked) {
          summary.skipped++;
          continue;
        }
        const outcome = await importTicket(context, client, { id: listed.id, links, emailOf });
        if (outcome === "skipped") summary.skipped++;
        else summary.imported++;
      }
      if (page >= meta.totalPages || tickets.length === 0) break;
    }
  });
  await context.saveState({ ...state, ticketsUpdatedSince: new Date(startedAt.getTime() - CLOCK_SKEW_MS).toISOString() });
  await context.markSynced(startedAt);
  context.logger.info(summary, "Syncro sync finished");
  return summary;
}

/** A webhook names a ticket; its content is never trusted: the ticket is re-read through the API. */
export async function refreshTicket(withSyncro: WithSyncro, context: PluginContext, ticketId: number): Promise<void> {
  const links = await linksOf(context);
  await withSyncro(context, (client) => importTicket(context, client, { id: ticketId, links, emailOf: contactEmails(client) }));
}

/** Forgets the sync checkpoint, so the next sync reads every ticket (after a customer is linked). */
export async function resetSyncCheckpoint(context: PluginContext): Promise<void> {
  const state = (await context.loadState<SyncState>()) ?? {};
  await context.saveState({ ...state, ticketsUpdatedSince: undefined });
}
