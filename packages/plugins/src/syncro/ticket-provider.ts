import { ProviderError, type PluginContext, type TicketProvider } from "@mspgraph/schema";
import { type WithSyncro, ZSyncroConfig } from "./connection-client.js";
import { newTicketDefaults } from "./ticket-defaults.js";
import { OPENING_SUBJECT } from "./ticket-mapping.js";
import { TO_SYNCRO } from "./status-map.js";

function ticketIdOf(externalId: string | null): number {
  const id = Number(externalId);
  if (!Number.isSafeInteger(id) || id < 1) throw new ProviderError("this ticket has no Syncro id (it was created before Syncro kept this partner's tickets)");
  return id;
}

async function customerOf(context: PluginContext, clientId: string): Promise<number> {
  const link = await context.prisma.syncroCustomerLink.findFirst({ where: { connectionId: context.connection.id, clientId }, select: { customerId: true } });
  if (!link) throw new ProviderError("this client is not linked to a Syncro customer: link it under Integrations > Syncro first");
  return link.customerId;
}

/** Tickets kept in Syncro: every change goes to Syncro first; the core saves it only after. */
export const syncroTickets = (withSyncro: WithSyncro): TicketProvider => ({
  async createTicket(context, input) {
    const customerId = await customerOf(context, input.clientId);
    const config = ZSyncroConfig.partial().parse(context.connection.config);
    // The description is the first comment; Syncro emails it to the customer unless told not to.
    const comment = input.description.trim() ? { comment: { body: input.description, subject: OPENING_SUBJECT, hidden: false, doNotEmail: !input.notifyCustomer } } : {};
    const ticket = await withSyncro(context, async (client) => client.createTicket({ customerId, subject: input.subject, ...(await newTicketDefaults(client, config)), ...comment }));
    return { externalId: String(ticket.id) };
  },
  async addComment(context, input) {
    const ticketId = ticketIdOf(input.ticketExternalId);
    // A private note is never emailed to the customer.
    const comment = await withSyncro(context, (client) => client.addComment(ticketId, { subject: "Update", body: input.body, tech: input.tech, hidden: input.hidden, doNotEmail: input.hidden }));
    return { externalId: String(comment.id) };
  },
  async changeStatus(context, input) {
    const ticketId = ticketIdOf(input.ticketExternalId);
    await withSyncro(context, (client) => client.updateTicket(ticketId, { status: TO_SYNCRO[input.status] }));
  },
  // Syncro's timers are not written through: time is kept in mspgraph for its reports.
  async addTimeEntry() {
    return { externalId: null };
  },
  async addLineItem(context, input) {
    const ticketId = ticketIdOf(input.ticketExternalId);
    const item = await withSyncro(context, (client) =>
      // The core's catalog keeps no description, and Syncro requires one: the name serves.
      client.addLineItem(ticketId, { name: input.name, description: input.name, quantity: Number(input.quantity), priceRetail: Number(input.unitPrice), priceCost: Number(input.costPrice) }),
    );
    return { externalId: String(item.id) };
  },
  async removeLineItem(context, input) {
    if (!input.lineItemExternalId) return;
    const ticketId = ticketIdOf(input.ticketExternalId);
    await withSyncro(context, (client) => client.removeLineItem(ticketId, Number(input.lineItemExternalId)));
  },
});
