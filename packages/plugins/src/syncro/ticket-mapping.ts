import type { ProviderTicket } from "@mspgraph/schema";
import type { TSyncroTicket } from "./client/ticket-schemas.js";
import { priorityFromSyncro, statusFromSyncro } from "./status-map.js";

const money = (value: number | null) => (value ?? 0).toFixed(2);

/** A full Syncro ticket (from `getTicket`) as the core's ProviderTicket. */
export function toProviderTicket(ticket: TSyncroTicket, input: { clientId: string | null; contactEmail: string | null }): ProviderTicket {
  const now = new Date();
  const firstComment = ticket.comments.find((comment) => !comment.hidden);
  return {
    externalId: String(ticket.id),
    clientId: input.clientId,
    subject: ticket.subject?.trim() || `Syncro ticket ${ticket.number ?? ticket.id}`,
    description: firstComment?.body ?? "",
    ...statusFromSyncro(ticket.status),
    priority: priorityFromSyncro(ticket.priority),
    contactEmail: input.contactEmail,
    createdAt: ticket.createdAt ?? now,
    updatedAt: ticket.updatedAt ?? ticket.createdAt ?? now,
    comments: ticket.comments.map((comment) => ({
      externalId: String(comment.id),
      body: comment.body ?? "",
      hidden: comment.hidden,
      tech: comment.tech ?? "Syncro",
      createdAt: comment.createdAt ?? now,
    })),
    lineItems: ticket.lineItems.map((item) => ({
      externalId: String(item.id),
      name: item.name ?? "Item",
      quantity: (item.quantity ?? 1).toFixed(2),
      unitPrice: money(item.priceRetail),
      costPrice: money(item.priceCost),
    })),
  };
}
