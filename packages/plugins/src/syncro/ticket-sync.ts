import { type PluginContext, importProviderTicket } from "@mspgraph/schema";
import type { SyncroClient } from "./client/client.js";
import type { TSyncroTicket } from "./client/ticket-schemas.js";
import { type WithSyncro, linksOf } from "./connection-client.js";
import { toProviderTicket } from "./ticket-mapping.js";

// Syncro's since_updated_at is compared with its own clock: start the next sync a little early.
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * A ticket's payload may cut a long thread short, at a length Syncro does not document; a
 * thread this long or longer is read whole from `/comments`. Ten is Syncro's own page of
 * comments, so a cut at any page size it uses is caught.
 */
export const PAGE_COMMENTS_FROM = 10;

/** A sync under way: where the next page starts, so a sync cut short resumes there. */
type SyncRun = { since?: string; startedAt: string; nextPage: number };
type SyncState = { ticketsUpdatedSince?: string; run?: SyncRun };
export type SyncSummary = { pages: number; imported: number; skipped: number };

/**
 * Reads one ticket whole: its payload embeds the customer, contact and line items, and the
 * comments unless the thread is long.
 */
async function readTicket(client: SyncroClient, id: number): Promise<TSyncroTicket> {
  const ticket = await client.getTicket(id);
  if (ticket.comments.length < PAGE_COMMENTS_FROM) return ticket;
  return { ...ticket, comments: await client.ticketComments(id) };
}

/** Imports one ticket by id, fresh from Syncro: a webhook's prompt, or a changed ticket in a sync. */
async function importTicket(context: PluginContext, client: SyncroClient, input: { id: number; links: Map<number, string> }) {
  const ticket = await readTicket(client, input.id);
  const clientId = ticket.customerId === null ? null : (input.links.get(ticket.customerId) ?? null);
  if (!clientId) return "skipped" as const;
  return importProviderTicket(context, toProviderTicket(ticket, { clientId, contactEmail: ticket.contact?.email ?? null }));
}

/**
 * Brings Syncro's tickets into the core: every page of tickets changed since the last sync
 * (all of them the first time), each read whole with one call (two or so for a long thread).
 * @remarks Tickets of customers not linked to a client are skipped; linking one and syncing
 * again brings them in (linking resets the checkpoint). The position is saved after every
 * page: a sync cut short (Syncro's limit, a crash) resumes at the page it stopped on, and the
 * next checkpoint is the first attempt's start, so nothing changed meanwhile is missed.
 */
export async function syncTickets(withSyncro: WithSyncro, context: PluginContext): Promise<SyncSummary> {
  const state = (await context.loadState<SyncState>()) ?? {};
  const run: SyncRun = state.run ?? { ...(state.ticketsUpdatedSince ? { since: state.ticketsUpdatedSince } : {}), startedAt: new Date().toISOString(), nextPage: 1 };
  if (state.run) context.logger.info({ page: run.nextPage }, "Syncro sync: resuming where the last one stopped");
  const since = run.since ? new Date(run.since) : undefined;
  const links = await linksOf(context);
  const summary: SyncSummary = { pages: 0, imported: 0, skipped: 0 };
  await withSyncro(context, async (client) => {
    for (let page = run.nextPage; ; page++) {
      const { tickets, meta } = await client.listTickets({ sinceUpdatedAt: since, page });
      summary.pages++;
      await context.reportProgress({ done: page, total: meta.totalPages });
      for (const listed of tickets) {
        if (listed.customerId === null || !links.has(listed.customerId)) {
          summary.skipped++;
          continue;
        }
        const outcome = await importTicket(context, client, { id: listed.id, links });
        if (outcome === "skipped") summary.skipped++;
        else summary.imported++;
      }
      context.logger.info({ page, totalPages: meta.totalPages, tickets: tickets.length }, "Syncro sync: page done");
      if (page >= meta.totalPages || tickets.length === 0) break;
      await context.saveState({ ...state, run: { ...run, nextPage: page + 1 } });
    }
  });
  const startedAt = new Date(run.startedAt);
  await context.saveState({ ...state, run: undefined, ticketsUpdatedSince: new Date(startedAt.getTime() - CLOCK_SKEW_MS).toISOString() });
  await context.markSynced(startedAt);
  context.logger.info(summary, "Syncro sync finished");
  return summary;
}

/** A webhook names a ticket; its content is never trusted: the ticket is re-read through the API. */
export async function refreshTicket(withSyncro: WithSyncro, context: PluginContext, ticketId: number): Promise<void> {
  const links = await linksOf(context);
  await withSyncro(context, (client) => importTicket(context, client, { id: ticketId, links }));
}

/** Forgets the sync checkpoint, so the next sync reads every ticket (after a customer is linked). */
export async function resetSyncCheckpoint(context: PluginContext): Promise<void> {
  const state = (await context.loadState<SyncState>()) ?? {};
  await context.saveState({ ...state, ticketsUpdatedSince: undefined, run: undefined });
}
