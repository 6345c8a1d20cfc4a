import { whileSessionLives } from "../auth/live-session.js";
import { builder } from "../builder.js";
import { forbidden } from "../errors.js";
import type { NotificationAdded } from "../events.js";
import { addRules } from "../permissions.js";
import type { Principal } from "../principal.js";
import { isPerson } from "../rules/roles.js";
import { NotificationRef, ownNotifications } from "./notifications.js";

// Only the notice's own recipient hears of it; an impersonator is not the person they act as.
function isFor(event: NotificationAdded, principal: Principal): boolean {
  if (principal.kind === "staff") return event.recipient.kind === "staff" && event.recipient.userId === principal.userId;
  if (principal.kind === "client") return !principal.impersonation && event.recipient.kind === "client" && event.recipient.userId === principal.userId;
  return false;
}

builder.subscriptionField("notificationAdded", (t) =>
  t.prismaField({
    type: NotificationRef,
    nullable: true,
    description: "Your new notifications, as they arrive (server-sent events); ends with UNAUTHENTICATED when your session does",
    subscribe: async function* (_root, _args, context) {
      if (context.principal.kind !== "staff" && context.principal.kind !== "client") throw forbidden();
      for await (const event of whileSessionLives(context, (signal) => context.events.subscribe("notificationAdded", signal))) {
        if (isFor(event, context.principal)) yield event;
      }
    },
    // The second wall: read back through the caller's scope and their own notices.
    resolve: (query, event: NotificationAdded, _args, context) => context.db.notification.findFirst({ ...query, where: { id: event.notificationId, ...ownNotifications(context) } }),
  }),
);

addRules({ Subscription: { notificationAdded: isPerson } });
