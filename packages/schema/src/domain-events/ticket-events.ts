import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma, Ticket, TicketComment } from "@mspgraph/db";
import type { TicketChange } from "../events.js";
import type { DomainEventActor } from "./catalog.js";
import { ticketChanges, ticketData } from "./payloads.js";
import { recordDomainEvent } from "./record.js";

// Each records a ticket's event in the transaction of its change and returns the live update
// to publish once that transaction has committed.

/** Reads a ticket and holds it until the transaction ends, so ticket.updated's `from` is what was changed. */
export async function lockTicket(tx: Prisma.TransactionClient, id: string): Promise<Ticket> {
  await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.ticket.findUniqueOrThrow({ where: { id } });
}

const live = (change: TicketChange["change"], ticket: Ticket, staffOnly = false): TicketChange => ({ change, ticketId: ticket.id, partnerId: ticket.partnerId, clientId: ticket.clientId, staffOnly });

export async function recordTicketCreated(tx: Prisma.TransactionClient, ticketId: string, actor: DomainEventActor): Promise<TicketChange> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  await recordDomainEvent(tx, { type: "ticket.created", partnerId: ticket.partnerId, clientId: ticket.clientId, actor, payload: { ticket: ticketData(ticket) } });
  return live("CREATED", ticket);
}

/** Records ticket.updated when status, priority, assignee or subject changed; null (no event) otherwise. */
export async function recordTicketUpdated(tx: Prisma.TransactionClient, before: Ticket, after: Ticket, actor: DomainEventActor): Promise<TicketChange | null> {
  const changes = ticketChanges(before, after);
  if (!changes) return null;
  await recordDomainEvent(tx, { type: "ticket.updated", partnerId: after.partnerId, clientId: after.clientId, actor, payload: { ticket: ticketData(after), changes } });
  return live("UPDATED", after);
}

type CommentFields = Pick<TicketComment, "id" | "body" | "hidden" | "tech" | "createdAt">;

/** A hidden comment (an internal note) makes a staff-only event, never shown to the client's users. */
export async function recordCommentAdded(tx: Prisma.TransactionClient, ticket: Ticket, comment: CommentFields, actor: DomainEventActor): Promise<TicketChange> {
  await recordDomainEvent(tx, {
    type: "ticket.comment_added",
    partnerId: ticket.partnerId,
    clientId: ticket.clientId,
    actor,
    staffOnly: comment.hidden,
    payload: {
      ticket: ticketData(ticket),
      comment: { id: encodeGlobalID("TicketComment", comment.id), hidden: comment.hidden, body: comment.body, tech: comment.tech, createdAt: comment.createdAt.toISOString() },
    },
  });
  return live("COMMENTED", ticket, comment.hidden);
}
