import type { ProviderTicket } from "@mspgraph/schema";
import type { TSyncroTicket } from "./client/ticket-schemas.js";
import { priorityFromSyncro, statusFromSyncro } from "./status-map.js";

/** The subject of a ticket's opening comment, which holds its description. */
export const OPENING_SUBJECT = "Initial Issue";

const money = (value: number | null) => (value ?? 0).toFixed(2);

/** A full Syncro ticket (from `getTicket`) as the core's ProviderTicket. */
export function toProviderTicket(ticket: TSyncroTicket, input: { clientId: string | null; contactEmail: string | null }): ProviderTicket {
  const now = new Date();
  // A ticket's description is its opening comment, "Initial Issue" (we create it so, and so does
  // Syncro's own form): it comes back as the description, never as a second copy among the comments.
  const oldest = [...ticket.comments].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) || a.id - b.id)[0];
  const opening = oldest && !oldest.hidden && oldest.subject?.trim().toLowerCase() === OPENING_SUBJECT.toLowerCase() ? oldest : undefined;
  const firstComment = opening ?? ticket.comments.find((comment) => !comment.hidden);
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
    comments: ticket.comments.filter((comment) => comment !== opening).map((comment) => ({
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
