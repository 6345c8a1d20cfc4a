import { or } from "graphql-shield";
import { builder } from "../../builder.js";
import { countedConnection } from "../../loaders/relation-counts.js";
import { addRules } from "../../permissions.js";
import { isAuthenticated, isClientAdmin, isStaff } from "../../rules/roles.js";
import { visibilityFilter } from "../../tenant-scope.js";
import { nodeLookup } from "../global-id.js";
import "./decimal.js";

export const TicketStatusEnum = builder.enumType("TicketStatus", {
  values: ["NEW", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "SCHEDULED", "RESOLVED", "CLOSED"] as const,
});
const STATUS_WORDS = { NEW: "New", IN_PROGRESS: "In Progress", WAITING_ON_CUSTOMER: "Waiting on Customer", SCHEDULED: "Scheduled", RESOLVED: "Resolved", CLOSED: "Closed" } as const;

export const TicketPriorityEnum = builder.enumType("TicketPriority", { values: ["LOW", "NORMAL", "HIGH", "URGENT"] as const });

export const TicketRef = builder.prismaNode("Ticket", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A support ticket; `provider` says which PSA keeps it",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "Sequential per partner" }),
    provider: t.exposeString("provider", { description: "psa (built-in), or a plugin's id" }),
    subject: t.exposeString("subject"),
    description: t.exposeString("description"),
    status: t.expose("status", { type: TicketStatusEnum }),
    statusLabel: t.string({
      description: "The status as shown: the provider's own name for a custom status, else the core status in words",
      select: { status: true, statusLabel: true },
      resolve: (ticket) => ticket.statusLabel ?? STATUS_WORDS[ticket.status],
    }),
    priority: t.expose("priority", { type: TicketPriorityEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true }),
    client: t.relation("client"),
    contact: t.relation("contact", { nullable: true, description: "The client user it is for" }),
    contactName: t.string({ nullable: true, select: { contact: { select: { name: true } } }, resolve: (ticket) => ticket.contact?.name ?? null }),
    assignee: t.relation("assignee", { nullable: true }),
    assigneeName: t.string({ nullable: true, description: "Shown to client users too", select: { assignee: { select: { name: true } } }, resolve: (ticket) => ticket.assignee?.name ?? null }),
    comments: t.relatedConnection(
      "comments",
      {
        cursor: "id",
        description: "Oldest first; client users never see hidden comments",
        query: (_args, { principal }) => ({ where: visibilityFilter("TicketComment", principal), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      },
      countedConnection("ticketComment", "ticketId"),
    ),
    timeEntries: t.relatedConnection("timeEntries", { cursor: "id", query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }, countedConnection("timeEntry", "ticketId")),
    lineItems: t.relatedConnection("lineItems", { cursor: "id", query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }, countedConnection("lineItem", "ticketId")),
  }),
});

export const TicketCommentRef = builder.prismaNode("TicketComment", {
  id: { field: "id" },
  ...nodeLookup,
  fields: (t) => ({
    body: t.exposeString("body"),
    hidden: t.exposeBoolean("hidden", { description: "An internal note: never shown to client users" }),
    tech: t.exposeString("tech", { description: "The author's name as shown" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const TimeEntryRef = builder.prismaNode("TimeEntry", {
  id: { field: "id" },
  ...nodeLookup,
  fields: (t) => ({
    minutes: t.exposeInt("minutes"),
    billable: t.exposeBoolean("billable"),
    note: t.exposeString("note"),
    staffUserId: t.exposeID("staffUserId", { deprecationReason: "A database id, not a global id: use staffUser { id name }" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const ProductRef = builder.prismaNode("Product", {
  id: { field: "id" },
  ...nodeLookup,
  description: "An item of the partner's catalog",
  fields: (t) => ({
    name: t.exposeString("name"),
    sku: t.exposeString("sku", { nullable: true }),
    unitPrice: t.expose("unitPrice", { type: "Decimal" }),
    costPrice: t.expose("costPrice", { type: "Decimal" }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
  }),
});

export const LineItemRef = builder.prismaNode("LineItem", {
  id: { field: "id" },
  ...nodeLookup,
  fields: (t) => ({
    name: t.exposeString("name"),
    quantity: t.expose("quantity", { type: "Decimal" }),
    unitPrice: t.expose("unitPrice", { type: "Decimal" }),
    total: t.field({ type: "Decimal", select: { quantity: true, unitPrice: true }, resolve: (item) => (Number(item.quantity) * Number(item.unitPrice)).toFixed(2) }),
    costPrice: t.expose("costPrice", { type: "Decimal", description: "Staff only" }),
    product: t.relation("product", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

addRules({
  Ticket: { "*": isAuthenticated, assignee: isStaff, contact: or(isStaff, isClientAdmin), timeEntries: isStaff },
  TicketComment: { "*": isAuthenticated },
  TimeEntry: { "*": isStaff },
  Product: { "*": isStaff },
  LineItem: { "*": isAuthenticated, costPrice: isStaff, product: isStaff },
});
