import { TICKET_TRANSACTION_OPTIONS, createNumberedTicket } from "@mspgraph/db";
import type { PluginContext } from "../integrations/plugin-context.js";
import type { ProviderTicket } from "./tickets.js";

export type ImportOutcome = "created" | "updated" | "skipped";

/**
 * Brings one provider ticket into the core's Ticket (with its comments and line items), keyed
 * by the provider's id: importing the same ticket twice changes nothing the second time.
 * @remarks Tickets of customers not linked to a client are skipped (`clientId: null`).
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
  return prisma.$transaction(async (tx) => {
    const existing = await tx.ticket.findUnique({ where: { partnerId_provider_externalId: { partnerId, provider, externalId: ticket.externalId } }, select: { id: true } });
    let ticketId: string;
    let outcome: ImportOutcome;
    if (existing) {
      await tx.ticket.update({ where: { id: existing.id }, data: { ...fields, clientId: client.id, updatedAt: ticket.updatedAt } });
      ticketId = existing.id;
      outcome = "updated";
    } else {
      const created = await createNumberedTicket(tx, { ...fields, partnerId, clientId: client.id, provider, externalId: ticket.externalId, createdAt: ticket.createdAt, updatedAt: ticket.updatedAt });
      ticketId = created.id;
      outcome = "created";
    }
    const owner = { partnerId, clientId: client.id, ticketId };
    await tx.ticketComment.createMany({
      data: ticket.comments.map((comment) => ({ ...owner, externalId: comment.externalId, body: comment.body, hidden: comment.hidden, tech: comment.tech.slice(0, 200), createdAt: comment.createdAt })),
      skipDuplicates: true,
    });
    // Line items removed at the provider go here too; ones added only locally (no provider id) stay.
    await tx.lineItem.deleteMany({ where: { ticketId, AND: [{ externalId: { not: null } }, { externalId: { notIn: ticket.lineItems.map((item) => item.externalId) } }] } });
    for (const item of ticket.lineItems) {
      const values = { name: item.name.slice(0, 300), quantity: item.quantity, unitPrice: item.unitPrice, costPrice: item.costPrice };
      await tx.lineItem.upsert({ where: { ticketId_externalId: { ticketId, externalId: item.externalId } }, create: { ...owner, externalId: item.externalId, ...values }, update: values });
    }
    return outcome;
  }, TICKET_TRANSACTION_OPTIONS);
}
