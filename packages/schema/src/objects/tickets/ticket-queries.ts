import { builder } from "../../builder.js";
import { notFound } from "../../errors.js";
import { addRules } from "../../permissions.js";
import { isAuthenticated, isStaff } from "../../rules/roles.js";
import { idOf } from "../global-id.js";
import { containsText } from "../text-match.js";
import { TicketStatusEnum } from "./ticket-types.js";

const TicketFilter = builder.inputType("TicketFilter", {
  fields: (t) => ({
    status: t.field({ type: TicketStatusEnum, required: false }),
    open: t.boolean({ required: false, description: "true: not RESOLVED or CLOSED" }),
    clientId: t.id({ required: false }),
    assigneeId: t.id({ required: false }),
    search: t.string({ required: false, description: "Part of the subject, any case, or the ticket number" }),
  }),
});

type TTicketFilter = { status?: string | null; open?: boolean | null; clientId?: string | number | null; assigneeId?: string | number | null; search?: string | null } | null | undefined;

function ticketWhere(filter: TTicketFilter) {
  const search = filter?.search?.trim();
  return {
    ...(filter?.status ? { status: filter.status as "NEW" } : {}),
    ...(filter?.open ? { status: { notIn: ["RESOLVED" as const, "CLOSED" as const] } } : {}),
    ...(filter?.clientId ? { clientId: idOf(String(filter.clientId), "Client", "filter.clientId") } : {}),
    ...(filter?.assigneeId ? { assigneeId: idOf(String(filter.assigneeId), "StaffUser", "filter.assigneeId") } : {}),
    ...(search ? { OR: [{ subject: containsText(search) }, ...(/^\d+$/.test(search) ? [{ number: Number(search) }] : [])] } : {}),
  };
}

builder.queryFields((t) => ({
  tickets: t.prismaConnection({
    type: "Ticket",
    cursor: "id",
    description: "Tickets in the caller's reach, most recently updated first",
    args: { filter: t.arg({ type: TicketFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) => db.ticket.findMany({ ...query, where: ticketWhere(filter), orderBy: [{ updatedAt: "desc" }, { id: "asc" }] }),
    totalCount: (_root, { filter }, { db }) => db.ticket.count({ where: ticketWhere(filter) }),
  }),
  ticket: t.prismaField({
    type: "Ticket",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, { db }) => {
      const ticket = await db.ticket.findUnique({ ...query, where: { id: idOf(String(id), "Ticket") } });
      if (!ticket) throw notFound("Ticket");
      return ticket;
    },
  }),
  products: t.prismaConnection({
    type: "Product",
    cursor: "id",
    description: "The partner's product catalog, by name",
    args: { includeArchived: t.arg.boolean({ required: false }) },
    resolve: (query, _root, { includeArchived }, { db }) => db.product.findMany({ ...query, where: includeArchived ? {} : { archivedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    totalCount: (_root, { includeArchived }, { db }) => db.product.count({ where: includeArchived ? {} : { archivedAt: null } }),
  }),
}));

addRules({ Query: { tickets: isAuthenticated, ticket: isAuthenticated, products: isStaff } });
