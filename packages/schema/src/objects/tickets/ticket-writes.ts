import type { Prisma, Ticket } from "@mspgraph/db";
import type { GraphQLContext } from "../../context.js";
import { eventActorOf } from "../../domain-events/actor.js";
import { lockTicket, recordCommentAdded, recordTicketUpdated } from "../../domain-events/ticket-events.js";

// The ticket's change and its event commit together. The transaction is unscoped because client
// users cause events too; the caller has found the ticket through its own scope first.

/** Applies `data` (given the ticket as it was) with its ticket.updated event, then tells live subscribers. */
export async function updateTicketWithEvent(context: GraphQLContext, ticketId: string, data: (before: Ticket) => Prisma.TicketUncheckedUpdateInput): Promise<void> {
  const actor = await eventActorOf(context.database.prisma, context.principal);
  const change = await context.database.prisma.$transaction(async (tx) => {
    const before = await lockTicket(tx, ticketId);
    const after = await tx.ticket.update({ where: { id: ticketId }, data: data(before) });
    return recordTicketUpdated(tx, before, after, actor);
  });
  if (change) context.events.publish("ticketChanged", change);
}

/** Adds a comment with its ticket.comment_added event (staff-only when hidden). */
export async function addCommentWithEvent(context: GraphQLContext, ticketId: string, data: Omit<Prisma.TicketCommentUncheckedCreateInput, "ticketId" | "partnerId" | "clientId">): Promise<{ id: string }> {
  const actor = await eventActorOf(context.database.prisma, context.principal);
  const { comment, change } = await context.database.prisma.$transaction(async (tx) => {
    const ticket = await tx.ticket.update({ where: { id: ticketId }, data: { updatedAt: new Date() } });
    const comment = await tx.ticketComment.create({ data: { ...data, ticketId, partnerId: ticket.partnerId, clientId: ticket.clientId } });
    return { comment, change: await recordCommentAdded(tx, ticket, comment, actor) };
  });
  context.events.publish("ticketChanged", change);
  return { id: comment.id };
}
