import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Alert, BackupPlan, Client, Ticket } from "@mspgraph/db";
import type { EventJson } from "./catalog.js";

// What each event's `data` holds: global ids and the fields a receiver acts on, never secrets.
const gid = (typename: string, id: string | null) => (id ? encodeGlobalID(typename, id) : null);

type TicketFields = Pick<Ticket, "id" | "number" | "subject" | "status" | "priority" | "clientId" | "assigneeId" | "contactId">;

export const ticketData = (ticket: TicketFields) => ({
  id: gid("Ticket", ticket.id),
  number: ticket.number,
  subject: ticket.subject,
  status: ticket.status,
  priority: ticket.priority,
  clientId: gid("Client", ticket.clientId),
  assigneeId: gid("StaffUser", ticket.assigneeId),
  contactId: gid("ClientUser", ticket.contactId),
});

/** The changed fields of ticket.updated: status, priority and assignee, each `{ from, to }`. */
export function ticketChanges(before: TicketFields, after: TicketFields): { [key: string]: EventJson } | null {
  const changes: { [key: string]: EventJson } = {};
  if (before.status !== after.status) changes.status = { from: before.status, to: after.status };
  if (before.priority !== after.priority) changes.priority = { from: before.priority, to: after.priority };
  if (before.assigneeId !== after.assigneeId) changes.assigneeId = { from: gid("StaffUser", before.assigneeId), to: gid("StaffUser", after.assigneeId) };
  if (before.subject !== after.subject) changes.subject = { from: before.subject, to: after.subject };
  return Object.keys(changes).length > 0 ? changes : null;
}

type AlertFields = Pick<Alert, "id" | "severity" | "status" | "source" | "message" | "clientMessage" | "clientId" | "agentId">;

/** `message` may carry staff-only text (a provider's raw error); `clientMessage` is what client users read instead. */
export const alertData = (alert: AlertFields) => ({
  id: gid("Alert", alert.id),
  severity: alert.severity,
  status: alert.status,
  source: alert.source,
  message: alert.message,
  clientMessage: alert.clientMessage,
  clientId: gid("Client", alert.clientId),
  agentId: gid("Agent", alert.agentId),
});

type PlanFields = Pick<BackupPlan, "id" | "planName" | "computerName" | "state" | "pluginId" | "clientId" | "agentId">;

export const backupPlanData = (plan: PlanFields) => ({
  id: gid("BackupPlan", plan.id),
  name: plan.planName,
  computerName: plan.computerName,
  state: plan.state,
  source: plan.pluginId,
  clientId: gid("Client", plan.clientId),
  agentId: gid("Agent", plan.agentId),
});

export const clientData = (client: Pick<Client, "id" | "name" | "domain">) => ({ id: gid("Client", client.id), name: client.name, domain: client.domain });
