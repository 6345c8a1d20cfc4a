import type { Prisma } from "@mspgraph/db";
import { and } from "graphql-shield";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { badInput } from "../errors.js";
import { addRules } from "../permissions.js";
import { isAuthenticated, isPerson } from "../rules/roles.js";
import { idOf, nodeLookup } from "./global-id.js";
import { TicketRef } from "./tickets/ticket-types.js";
import { ViewerRef } from "./viewer.js";

export const NotificationKindEnum = builder.enumType("NotificationKind", {
  values: ["TICKET_OPENED", "TICKET_CLIENT_REPLY", "TICKET_REPLY", "TICKET_RESOLVED", "ALERT_RAISED", "ALERT_RESOLVED", "BACKUP_FAILED", "BACKUP_RECOVERED"] as const,
});

/** The caller's own notices: a person reads only what was addressed to them. */
export function ownNotifications({ principal }: Pick<GraphQLContext, "principal">): Prisma.NotificationWhereInput {
  if (principal.kind === "staff") return { staffUserId: principal.userId };
  // An impersonator acting as a client user is not that user: they see none of theirs.
  if (principal.kind === "client" && !principal.impersonation) return { clientUserId: principal.userId };
  return { id: { in: [] } };
}

export const NotificationRef = builder.prismaNode("Notification", {
  id: { field: "id" },
  nullable: true,
  // `node(id)` too finds only the caller's own (the tenant scope alone would allow a colleague's).
  findUnique: (id, context: GraphQLContext) => ({ ...nodeLookup.findUnique(id), AND: [ownNotifications(context)] }),
  description: "An in-app notification (the bell): what happened, and where to look",
  fields: (t) => ({
    kind: t.expose("kind", { type: NotificationKindEnum }),
    title: t.exposeString("title"),
    link: t.exposeString("link", { description: "A path in the web app, e.g. /tickets/<id>" }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
    read: t.boolean({ resolve: (row) => row.readAt !== null }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("notifications", (t) =>
  t.prismaConnection({
    type: "Notification",
    cursor: "id",
    description: "Your notifications, newest first",
    args: { unreadOnly: t.arg.boolean({ required: false, description: "Only those not yet read" }) },
    resolve: (query, _root, { unreadOnly }, context) =>
      context.db.notification.findMany({ ...query, where: { ...ownNotifications(context), ...(unreadOnly ? { readAt: null } : {}) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    totalCount: (_root, { unreadOnly }, context) => context.db.notification.count({ where: { ...ownNotifications(context), ...(unreadOnly ? { readAt: null } : {}) } }),
  }),
);

builder.objectField(ViewerRef, "unreadNotificationCount", (t) =>
  t.int({ description: "How many of your notifications are unread (the bell's count)", resolve: (_viewer, _args, context) => context.db.notification.count({ where: { ...ownNotifications(context), readAt: null } }) }),
);

builder.objectField(TicketRef, "staffNotified", (t) =>
  t.boolean({
    description: "Whether the partner's staff are notified when the client replies: the ticket has an assignee, or the partner a ticket-queue address",
    resolve: async (ticket, _args, { database }) =>
      ticket.assigneeId !== null || ((await database.prisma.partner.findUnique({ where: { id: ticket.partnerId }, select: { ticketQueueEmails: true } }))?.ticketQueueEmails.length ?? 0) > 0,
  }),
);

const MarkNotificationsReadInput = builder.inputType("MarkNotificationsReadInput", {
  fields: (t) => ({
    ids: t.idList({ required: false, description: "These notifications (ids of others' are ignored)" }),
    all: t.boolean({ required: false, description: "Every notification of yours" }),
  }),
});

type MarkReadPayload = { marked: number };

const MarkNotificationsReadPayload = builder.objectRef<MarkReadPayload>("MarkNotificationsReadPayload").implement({
  fields: (t) => ({
    marked: t.exposeInt("marked", { description: "How many were unread and are read now" }),
    unreadCount: t.int({ description: "Your unread notifications now", resolve: (_payload, _args, context) => context.db.notification.count({ where: { ...ownNotifications(context), readAt: null } }) }),
  }),
});

builder.mutationField("markNotificationsRead", (t) =>
  t.field({
    type: MarkNotificationsReadPayload,
    description: "Marks some (`ids`) or all (`all: true`) of your notifications read",
    args: { input: t.arg({ type: MarkNotificationsReadInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const all = input.all === true;
      if (all === (input.ids != null)) throw badInput("Give either `ids` or `all: true`", "ids");
      if (input.ids && input.ids.length > 100) throw badInput("At most 100 `ids` at once", "ids");
      const ids = input.ids?.map((id) => idOf(String(id), "Notification", "ids"));
      const { count } = await context.db.notification.updateMany({ where: { ...ownNotifications(context), readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
      return { marked: count };
    },
  }),
);

addRules({
  Query: { notifications: isPerson },
  Mutation: { markNotificationsRead: and(isPerson, isAuthenticated) },
  Viewer: { unreadNotificationCount: isPerson },
  Ticket: { staffNotified: isAuthenticated },
  Notification: { "*": isPerson },
  MarkNotificationsReadPayload: { "*": isPerson },
});
