import { encodeGlobalID } from "@pothos/plugin-relay";
import type { DomainEvent, Prisma } from "@mspgraph/db";
import type { DomainEventActor } from "../domain-events/catalog.js";
import { payloadId, statusBecame } from "./event-ids.js";
import { type Notice, onCallRecipients, ticketClientRecipients, ticketStaffRecipients } from "./recipients.js";

type Tx = Prisma.TransactionClient;

const excerpt = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const actorOf = (event: DomainEvent) => event.actor as DomainEventActor;

async function ticketNotices(tx: Tx, event: DomainEvent): Promise<Notice[]> {
  const ticketId = payloadId(event.payload, "ticket");
  if (!ticketId) return [];
  const ticket = await tx.ticket.findFirst({ where: { id: ticketId, partnerId: event.partnerId }, include: { client: { select: { name: true } } } });
  if (!ticket) return [];
  const id = encodeGlobalID("Ticket", ticket.id);
  const base = { topic: `Ticket:${ticket.id}`, link: { STAFF: `/tickets/${id}`, CLIENT_USER: `/portal/tickets/${id}` } };
  const actor = actorOf(event);
  const who = actor.name ?? "Someone";

  if (event.type === "ticket.created") {
    if (actor.type !== "CLIENT_USER" && !ticket.createdByClientUserId) return [];
    const lines = [`${who} of ${ticket.client.name} opened ticket #${ticket.number}: ${ticket.subject}`, ...(ticket.description ? [excerpt(ticket.description)] : [])];
    return [{ ...base, kind: "TICKET_OPENED", title: `New ticket #${ticket.number} from ${ticket.client.name}: ${ticket.subject}`, lines, recipients: await ticketStaffRecipients(tx, ticket) }];
  }
  if (event.type === "ticket.comment_added") {
    // Hidden comments are staff-only: nobody is told of them, by any outlet of this notifier.
    if (event.staffOnly) return [];
    const commentId = payloadId(event.payload, "comment");
    const comment = commentId ? await tx.ticketComment.findFirst({ where: { id: commentId, ticketId: ticket.id } }) : null;
    if (!comment || comment.hidden) return [];
    if (comment.authorClientUserId || actor.type === "CLIENT_USER") {
      const lines = [`${who} of ${ticket.client.name} replied on ticket #${ticket.number} (${ticket.subject}):`, excerpt(comment.body)];
      return [{ ...base, kind: "TICKET_CLIENT_REPLY", title: `${who} replied on ticket #${ticket.number}: ${ticket.subject}`, lines, recipients: await ticketStaffRecipients(tx, ticket) }];
    }
    const lines = [`${comment.tech} replied on your ticket #${ticket.number} (${ticket.subject}):`, excerpt(comment.body)];
    return [{ ...base, kind: "TICKET_REPLY", title: `New reply on ticket #${ticket.number}: ${ticket.subject}`, lines, recipients: await ticketClientRecipients(tx, ticket) }];
  }
  if (event.type === "ticket.updated" && statusBecame(event.payload, "RESOLVED") && ticket.status === "RESOLVED") {
    const lines = [`Ticket #${ticket.number} (${ticket.subject}) is resolved. If the problem is not solved, reply on the ticket.`];
    return [{ ...base, kind: "TICKET_RESOLVED", title: `Ticket #${ticket.number} is resolved: ${ticket.subject}`, lines, recipients: await ticketClientRecipients(tx, ticket) }];
  }
  return [];
}

async function alertNotices(tx: Tx, event: DomainEvent): Promise<Notice[]> {
  const alertId = payloadId(event.payload, "alert");
  const alert = alertId ? await tx.alert.findFirst({ where: { id: alertId, partnerId: event.partnerId }, include: { client: { select: { name: true } } } }) : null;
  // Only critical alerts page the on-call addresses; their recovery closes what was opened.
  if (!alert || alert.severity !== "CRITICAL") return [];
  const raised = event.type === "alert.raised";
  const link = { STAFF: "/alerts", CLIENT_USER: "/portal" };
  const title = raised ? `Critical alert at ${alert.client.name}: ${alert.message}` : `Resolved: critical alert at ${alert.client.name}`;
  const lines = raised ? [`A critical alert was raised for ${alert.client.name} (${alert.source}):`, excerpt(alert.message)] : [`The critical alert for ${alert.client.name} is resolved:`, excerpt(alert.message)];
  return [{ kind: raised ? "ALERT_RAISED" : "ALERT_RESOLVED", topic: `Alert:${alert.id}`, title, lines, link, recipients: await onCallRecipients(tx, event.partnerId) }];
}

async function backupNotices(tx: Tx, event: DomainEvent): Promise<Notice[]> {
  const planId = payloadId(event.payload, "backupPlan") ?? payloadId(event.payload, "plan");
  const plan = planId ? await tx.backupPlan.findFirst({ where: { id: planId, partnerId: event.partnerId } }) : null;
  if (!plan) return [];
  const failed = event.type === "backup.failed";
  const what = `the backup plan "${plan.planName}" on ${plan.computerName} (${plan.companyName})`;
  const title = failed ? `Backup failed: ${plan.planName} on ${plan.computerName}` : `Backup recovered: ${plan.planName} on ${plan.computerName}`;
  const lines = failed ? [`The last run of ${what} failed${plan.state === "MISSED" ? " (missed)" : ""}.`] : [`The last run of ${what} succeeded again.`];
  return [{ kind: failed ? "BACKUP_FAILED" : "BACKUP_RECOVERED", topic: `BackupPlan:${plan.id}`, title, lines, link: { STAFF: "/backups", CLIENT_USER: "/portal/assets" }, recipients: await onCallRecipients(tx, event.partnerId) }];
}

/** What `event` tells whom: the rules of email and in-app notifications (see docs/api.md, Notifications). */
export async function noticesFor(tx: Tx, event: DomainEvent): Promise<Notice[]> {
  if (event.type.startsWith("ticket.")) return ticketNotices(tx, event);
  if (event.type === "alert.raised" || event.type === "alert.resolved") return alertNotices(tx, event);
  if (event.type === "backup.failed" || event.type === "backup.recovered") return backupNotices(tx, event);
  return [];
}
