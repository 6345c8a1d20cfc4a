import { type PrismaClient, TICKET_TRANSACTION_OPTIONS, createNumberedTicket } from "@mspgraph/db";
import { z } from "zod";
import { builder } from "../../builder.js";
import { ProviderSettingError } from "../../capabilities/provider-error.js";
import { ticketProviderFor, writeThrough } from "../../capabilities/ticket-provider-for.js";
import type { GraphQLContext } from "../../context.js";
import { notFound } from "../../errors.js";
import { addRules, allow } from "../../permissions.js";
import { isAuthenticated, isStaff } from "../../rules/roles.js";
import { eventActorOf } from "../../domain-events/actor.js";
import { recordTicketCreated } from "../../domain-events/ticket-events.js";
import { idOf } from "../global-id.js";
import { type TUserError, UserErrorRef, isUniqueViolation, zodUserErrors } from "../user-error.js";
import { loadViewer } from "../viewer.js";
import { addCommentWithEvent, updateTicketWithEvent } from "./ticket-writes.js";
import { LineItemRef, TicketCommentRef, TicketPriorityEnum, TicketRef, TicketStatusEnum } from "./ticket-types.js";

type Payload = { ticket: { id: string } | null; comment?: { id: string } | null; lineItem?: { id: string } | null; userErrors: TUserError[] };

const TicketPayloadRef = builder.objectRef<Payload>("TicketPayload").implement({
  fields: (t) => ({
    ticket: t.prismaField({ type: TicketRef, nullable: true, resolve: (query, p, _a, { db }) => (p.ticket ? db.ticket.findUnique({ ...query, where: { id: p.ticket.id } }) : null) }),
    comment: t.prismaField({ type: TicketCommentRef, nullable: true, resolve: (query, p, _a, { db }) => (p.comment ? db.ticketComment.findUnique({ ...query, where: { id: p.comment.id } }) : null) }),
    lineItem: t.prismaField({ type: LineItemRef, nullable: true, resolve: (query, p, _a, { db }) => (p.lineItem ? db.lineItem.findUnique({ ...query, where: { id: p.lineItem.id } }) : null) }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const fail = (field: string, message: string, code: TUserError["code"] = "BAD_USER_INPUT"): Payload => ({ ticket: null, userErrors: [{ field, message, code }] });

async function ticketIn(db: PrismaClient, globalId: string | number, field = "id") {
  const ticket = await db.ticket.findUnique({ where: { id: idOf(String(globalId), "Ticket", field) } });
  if (!ticket) throw notFound("Ticket");
  return ticket;
}

const ZCreateTicket = z.object({ subject: z.string().trim().min(1, "must not be empty").max(300), description: z.string().max(50_000).default("") });

async function authorName(context: GraphQLContext): Promise<string> {
  return (await loadViewer(context))?.name ?? (context.principal.kind === "apiKey" ? context.principal.label : "unknown");
}

builder.mutationFields((t) => ({
  createTicket: t.field({
    type: TicketPayloadRef,
    description: "Opens a ticket for a client; client users open them for their own client",
    args: {
      input: t.arg({
        type: builder.inputType("CreateTicketInput", {
          fields: (f) => ({
            clientId: f.id({ required: true }),
            subject: f.string({ required: true }),
            description: f.string({ required: false }),
            priority: f.field({ type: TicketPriorityEnum, required: false }),
            contactId: f.id({ required: false, description: "The client user it is for (client users: themselves)" }),
            notifyCustomer: f.boolean({
              required: false,
              description: "Staff only: the ticket provider emails the customer the new ticket (Syncro: the first comment goes out by email). Default false; a client user's own ticket is never emailed",
            }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, context): Promise<Payload> => {
      const { db, principal } = context;
      const parsed = ZCreateTicket.safeParse(input);
      if (!parsed.success) return { ticket: null, userErrors: zodUserErrors(parsed.error) };
      if (principal.kind === "client" && input.notifyCustomer) return fail("notifyCustomer", "only staff choose to email the customer", "FORBIDDEN");
      const client = await db.client.findUnique({ where: { id: idOf(String(input.clientId), "Client", "clientId") } });
      if (!client || client.archivedAt) throw notFound("Client");
      let contactId: string | null = principal.kind === "client" && !principal.impersonation ? principal.userId : null;
      if (input.contactId && principal.kind !== "client") {
        const contact = await db.clientUser.findUnique({ where: { id: idOf(String(input.contactId), "ClientUser", "contactId") } });
        if (!contact || contact.clientId !== client.id) return fail("contactId", "the contact must be a user of this client", "NOT_FOUND");
        contactId = contact.id;
      }
      const contactEmail = contactId ? ((await db.clientUser.findUnique({ where: { id: contactId }, select: { email: true } }))?.email ?? null) : null;
      const partner = await context.database.prisma.partner.findUniqueOrThrow({ where: { id: client.partnerId }, select: { ticketProvider: true } });
      const bound = await ticketProviderFor(context, client.partnerId, partner.ticketProvider);
      const priority = input.priority ?? "NORMAL";
      const notifyCustomer = Boolean(input.notifyCustomer);
      const remote = await writeThrough(bound, "the new ticket", () =>
        bound.provider.createTicket(bound.context, { clientId: client.id, subject: parsed.data.subject, description: parsed.data.description, priority, contactEmail, notifyCustomer }),
      ).catch((error: unknown) => {
        if (error instanceof ProviderSettingError) return error;
        throw error;
      });
      // The partner's setting is at fault, not this input: field is null unless the provider names one.
      if (remote instanceof ProviderSettingError) return { ticket: null, userErrors: [{ field: remote.field, message: remote.message, code: "PROVIDER_SETTING_REQUIRED" }] };
      // The number comes from the partner's counter, not from the tickets this caller can see.
      const actor = await eventActorOf(context.database.prisma, principal);
      const { ticket, change } = await context.database.prisma.$transaction(async (tx) => {
        const created = await createNumberedTicket(tx, {
          provider: bound.pluginId,
          externalId: remote.externalId,
          partnerId: client.partnerId,
          clientId: client.id,
          subject: parsed.data.subject,
          description: parsed.data.description,
          priority,
          contactId,
          createdByStaffId: principal.kind === "staff" ? (principal.impersonation?.actorId ?? principal.userId) : null,
          createdByClientUserId: principal.kind === "client" && !principal.impersonation ? principal.userId : null,
        });
        return { ticket: created, change: await recordTicketCreated(tx, created.id, actor) };
      }, TICKET_TRANSACTION_OPTIONS);
      context.events.publish("ticketChanged", change);
      return { ticket, userErrors: [] };
    },
  }),
  updateTicket: t.field({
    type: TicketPayloadRef,
    args: {
      input: t.arg({
        type: builder.inputType("UpdateTicketInput", {
          fields: (f) => ({ id: f.id({ required: true }), subject: f.string({ required: false }), description: f.string({ required: false }), priority: f.field({ type: TicketPriorityEnum, required: false }) }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, context): Promise<Payload> => {
      const ticket = await ticketIn(context.db, input.id);
      const parsed = ZCreateTicket.partial().safeParse({ ...(input.subject != null ? { subject: input.subject } : {}), ...(input.description != null ? { description: input.description } : {}) });
      if (!parsed.success) return { ticket: null, userErrors: zodUserErrors(parsed.error) };
      await updateTicketWithEvent(context, ticket.id, () => ({ ...parsed.data, ...(input.priority ? { priority: input.priority } : {}) }));
      return { ticket, userErrors: [] };
    },
  }),
  changeTicketStatus: t.field({
    type: TicketPayloadRef,
    args: { input: t.arg({ type: builder.inputType("ChangeTicketStatusInput", { fields: (f) => ({ id: f.id({ required: true }), status: f.field({ type: TicketStatusEnum, required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, context): Promise<Payload> => {
      const { db } = context;
      const ticket = await ticketIn(db, input.id);
      const bound = await ticketProviderFor(context, ticket.partnerId, ticket.provider);
      await writeThrough(bound, "the status change", () => bound.provider.changeStatus(bound.context, { ticketExternalId: ticket.externalId, status: input.status }));
      const closing = input.status === "RESOLVED" || input.status === "CLOSED";
      await updateTicketWithEvent(context, ticket.id, (before) => ({ status: input.status, resolvedAt: closing ? (before.resolvedAt ?? new Date()) : null }));
      return { ticket, userErrors: [] };
    },
  }),
  assignTicket: t.field({
    type: TicketPayloadRef,
    args: { input: t.arg({ type: builder.inputType("AssignTicketInput", { fields: (f) => ({ id: f.id({ required: true }), assigneeId: f.id({ required: false, description: "A staff user of the ticket's partner; null unassigns" }) }) }), required: true }) },
    resolve: async (_root, { input }, context): Promise<Payload> => {
      const { db } = context;
      const ticket = await ticketIn(db, input.id);
      let assigneeId: string | null = null;
      if (input.assigneeId) {
        const staff = await db.staffUser.findUnique({ where: { id: idOf(String(input.assigneeId), "StaffUser", "assigneeId") } });
        if (!staff || staff.partnerId !== ticket.partnerId || staff.disabledAt) return fail("assigneeId", "the assignee must be active staff of this partner", "NOT_FOUND");
        assigneeId = staff.id;
      }
      await updateTicketWithEvent(context, ticket.id, () => ({ assigneeId }));
      return { ticket, userErrors: [] };
    },
  }),
  addTicketComment: t.field({
    type: TicketPayloadRef,
    description: "Adds a comment; hidden ones are internal notes (staff only). Staff may set `tech` to post for the technician who did the work.",
    args: {
      input: t.arg({
        type: builder.inputType("AddTicketCommentInput", {
          fields: (f) => ({ ticketId: f.id({ required: true }), body: f.string({ required: true }), hidden: f.boolean({ required: false }), tech: f.string({ required: false }) }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, context): Promise<Payload> => {
      const { db, principal } = context;
      const ticket = await ticketIn(db, input.ticketId, "ticketId");
      const body = input.body.trim();
      if (!body) return fail("body", "must not be empty");
      if (body.length > 50_000) return fail("body", "must be at most 50,000 characters");
      if (principal.kind === "client" && (input.hidden || input.tech)) return fail(input.hidden ? "hidden" : "tech", "client users post public comments under their own name", "FORBIDDEN");
      const tech = (input.tech?.trim() || (await authorName(context))).slice(0, 200);
      const hidden = Boolean(input.hidden);
      const bound = await ticketProviderFor(context, ticket.partnerId, ticket.provider);
      const remote = await writeThrough(bound, "the comment", () => bound.provider.addComment(bound.context, { ticketExternalId: ticket.externalId, body, hidden, tech }));
      const comment = await addCommentWithEvent(context, ticket.id, {
        externalId: remote.externalId,
        body,
        hidden,
        tech,
        authorStaffId: principal.kind === "staff" ? (principal.impersonation?.actorId ?? principal.userId) : null,
        authorClientUserId: principal.kind === "client" && !principal.impersonation ? principal.userId : null,
      });
      return { ticket, comment, userErrors: [] };
    },
  }),
}));

addRules({
  Mutation: { createTicket: isAuthenticated, addTicketComment: isAuthenticated, updateTicket: isStaff, changeTicketStatus: isStaff, assignTicket: isStaff },
  TicketPayload: { "*": allow },
});
