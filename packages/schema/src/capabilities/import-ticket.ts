import { TICKET_TRANSACTION_OPTIONS, createNumberedTicket } from "@mspgraph/db";
import { integrationActor } from "../domain-events/actor.js";
import { lockTicket, recordCommentAdded, recordTicketCreated, recordTicketUpdated } from "../domain-events/ticket-events.js";
import type { TicketChange } from "../events.js";
import type { PluginContext } from "../integrations/plugin-context.js";
import type { ProviderTicket } from "./tickets.js";

export type ImportOutcome = "created" | "updated" | "skipped";

/**
 * Brings one provider ticket into the core's Ticket (with its comments and line items), keyed
 * by the provider's id: importing the same ticket twice changes nothing the second time.
 * @remarks Tickets of customers not linked to a client are skipped (`clientId: null`). A new
 * ticket records ticket.created; an updated one ticket.updated (when its status, priority or
 * subject changed) and ticket.comment_added for each comment new to the copy, with the plugin as actor.
 */
export async function importProviderTicket(context: PluginContext, ticket: ProviderTicket): Promise<ImportOutcome> {
  if (!ticket.clientId) return "skipped";
  const { prisma } = context;
  const { partnerId, pluginId: provider } = context.connection;
  const client = await prisma.client.findUnique({ where: { id: ticket.clientId }, select: { id: true } });
  if (!client) return "skipped";
  const contact = ticket.contactEmail
    ? await prisma.clientUser.findFirst({ where: { clientId: client.id, email: { equals: ticket.contactEmail, mode: "insensitive" } }, select: { id: true } })
    : null;
  const fields = {
    subject: ticket.subject.slice(0, 300),
    description: ticket.description,
    status: ticket.status,
    statusLabel: ticket.statusLabel ?? null,
    priority: ticket.priority,
    contactId: contact?.id ?? null,
    resolvedAt: ticket.status === "RESOLVED" || ticket.status === "CLOSED" ? ticket.updatedAt : null,
  };
  // One transaction per ticket: a new one is numbered and written whole (with its comments and
  // line items) or not at all.
  const actor = integrationActor(provider);
  const changes: TicketChange[] = [];
  const outcome = await prisma.$transaction(async (tx) => {
    const existing = await tx.ticket.findUnique({ where: { partnerId_provider_externalId: { partnerId, provider, externalId: ticket.externalId } }, select: { id: true } });
    let ticketId: string;
    let outcome: ImportOutcome;
    let known = new Set<string>();
    if (existing) {
      const before = await lockTicket(tx, existing.id);
      const after = await tx.ticket.update({ where: { id: existing.id }, data: { ...fields, clientId: client.id, updatedAt: ticket.updatedAt } });
      const change = await recordTicketUpdated(tx, before, after, actor);
      if (change) changes.push(change);
      known = new Set((await tx.ticketComment.findMany({ where: { ticketId: existing.id }, select: { externalId: true } })).flatMap((row) => (row.externalId ? [row.externalId] : [])));
      ticketId = existing.id;
      outcome = "updated";
    } else {
      const created = await createNumberedTicket(tx, { ...fields, partnerId, clientId: client.id, provider, externalId: ticket.externalId, createdAt: ticket.createdAt, updatedAt: ticket.updatedAt });
      changes.push(await recordTicketCreated(tx, created.id, actor));
      ticketId = created.id;
      outcome = "created";
    }
    const owner = { partnerId, clientId: client.id, ticketId };
    await tx.ticketComment.createMany({
      data: ticket.comments.map((comment) => ({ ...owner, externalId: comment.externalId, body: comment.body, hidden: comment.hidden, tech: comment.tech.slice(0, 200), createdAt: comment.createdAt })),
      skipDuplicates: true,
    });
    // A new ticket's comments came with it (ticket.created); an updated one's new comments are news.
    const fresh = existing ? ticket.comments.filter((comment) => !known.has(comment.externalId)).map((comment) => comment.externalId) : [];
    if (fresh.length > 0) {
      const current = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
      for (const comment of await tx.ticketComment.findMany({ where: { ticketId, externalId: { in: fresh } }, orderBy: { createdAt: "asc" } })) changes.push(await recordCommentAdded(tx, current, comment, actor));
    }
    // Line items removed at the provider go here too; ones added only locally (no provider id) stay.
    await tx.lineItem.deleteMany({ where: { ticketId, AND: [{ externalId: { not: null } }, { externalId: { notIn: ticket.lineItems.map((item) => item.externalId) } }] } });
    for (const item of ticket.lineItems) {
      const values = { name: item.name.slice(0, 300), quantity: item.quantity, unitPrice: item.unitPrice, costPrice: item.costPrice };
      await tx.lineItem.upsert({ where: { ticketId_externalId: { ticketId, externalId: item.externalId } }, create: { ...owner, externalId: item.externalId, ...values }, update: values });
    }
    return outcome;
  }, TICKET_TRANSACTION_OPTIONS);
  for (const change of changes) context.events.publish("ticketChanged", change);
  return outcome;
}
