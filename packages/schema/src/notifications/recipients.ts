import type { NotificationKind, Prisma } from "@mspgraph/db";
import type { NoticeAudience } from "./kinds.js";

type Tx = Prisma.TransactionClient;

/** Someone a notice goes to: a person (their preferences apply) or a bare address. */
export type Recipient = {
  email: string;
  audience: NoticeAudience | "ADDRESS";
  staffUserId?: string;
  clientUserId?: string;
  /** A client user's client (their mail wears its branding). */
  clientId?: string;
  /** Why they get it, said in the message. */
  reason: string;
};

/** One thing to tell people, built from one domain event. */
export type Notice = {
  kind: NotificationKind;
  /** What the email batches on: "Ticket:<id>" waits out the five minutes; others go at once. */
  topic: string;
  title: string;
  /** The message's text, a paragraph each. */
  lines: string[];
  /** A path in the web app: staff and client users see different pages. */
  link: { STAFF: string; CLIENT_USER: string };
  recipients: Recipient[];
};

const active = { disabledAt: null };

/** A partner's address that is also a staff member's sign-in: that person's preferences apply. */
async function addressRecipients(tx: Tx, partnerId: string, emails: readonly string[], reason: string): Promise<Recipient[]> {
  if (emails.length === 0) return [];
  const staff = await tx.staffUser.findMany({ where: { partnerId, ...active, email: { in: emails.map((email) => email.toLowerCase()), mode: "insensitive" } }, select: { id: true, email: true } });
  return emails.map((email) => {
    const person = staff.find((member) => member.email.toLowerCase() === email.toLowerCase());
    return person ? { email: person.email, audience: "STAFF", staffUserId: person.id, reason } : { email, audience: "ADDRESS", reason };
  });
}

/** The assignee of a client's ticket, or the partner's ticket-queue addresses while it has none. */
export async function ticketStaffRecipients(tx: Tx, ticket: { partnerId: string; number: number; assigneeId: string | null }): Promise<Recipient[]> {
  if (ticket.assigneeId) {
    const assignee = await tx.staffUser.findFirst({ where: { id: ticket.assigneeId, partnerId: ticket.partnerId, ...active } });
    if (assignee) return [{ email: assignee.email, audience: "STAFF", staffUserId: assignee.id, reason: `You get this because ticket #${ticket.number} is assigned to you.` }];
  }
  const partner = await tx.partner.findUniqueOrThrow({ where: { id: ticket.partnerId }, select: { name: true, ticketQueueEmails: true } });
  return addressRecipients(tx, ticket.partnerId, partner.ticketQueueEmails, `You get this because this address is ${partner.name}'s ticket queue and ticket #${ticket.number} has no assignee.`);
}

/** The partner's on-call addresses. */
export async function onCallRecipients(tx: Tx, partnerId: string): Promise<Recipient[]> {
  const partner = await tx.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { name: true, onCallEmails: true } });
  return addressRecipients(tx, partnerId, partner.onCallEmails, `You get this because this address is on call for ${partner.name}'s critical alerts and failed backups.`);
}

/** The ticket's contact and the client's users who follow every ticket of their client. */
export async function ticketClientRecipients(tx: Tx, ticket: { partnerId: string; clientId: string; number: number; contactId: string | null }): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  if (ticket.contactId) {
    const contact = await tx.clientUser.findFirst({ where: { id: ticket.contactId, clientId: ticket.clientId, ...active } });
    if (contact) recipients.push({ email: contact.email, audience: "CLIENT_USER", clientUserId: contact.id, clientId: contact.clientId, reason: `You get this because you are the contact of ticket #${ticket.number}.` });
  }
  const followers = await tx.clientUser.findMany({ where: { clientId: ticket.clientId, partnerId: ticket.partnerId, ...active, notificationPreference: { allClientTickets: true } } });
  for (const user of followers) {
    if (user.id === ticket.contactId) continue;
    recipients.push({ email: user.email, audience: "CLIENT_USER", clientUserId: user.id, clientId: user.clientId, reason: "You get this because you asked to hear of every ticket of your organisation." });
  }
  return recipients;
}
