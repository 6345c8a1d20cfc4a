import { whileSessionLives } from "../../auth/live-session.js";
import { builder } from "../../builder.js";
import { forbidden } from "../../errors.js";
import type { TicketChange } from "../../events.js";
import { addRules } from "../../permissions.js";
import { isAuthenticated } from "../../rules/roles.js";
import { scopeOf } from "../../tenant-scope.js";
import { inScope } from "../alert-subscription.js";
import { idOf } from "../global-id.js";
import { TicketRef } from "./ticket-types.js";

const TicketChangeEnum = builder.enumType("TicketChangeKind", { values: ["CREATED", "UPDATED", "COMMENTED"] as const });

type TicketEventShape = { change: TicketChange["change"]; ticketId: string };

const TicketEventRef = builder.objectRef<TicketEventShape>("TicketEvent").implement({
  fields: (t) => ({
    change: t.expose("change", { type: TicketChangeEnum }),
    ticket: t.prismaField({
      type: TicketRef,
      nullable: true,
      // The second wall: the ticket is read through the subscriber's own tenant scope.
      resolve: (query, event, _args, { db }) => db.ticket.findUnique({ ...query, where: { id: event.ticketId } }),
    }),
  }),
});

builder.subscriptionField("ticketChanged", (t) =>
  t.field({
    type: TicketEventRef,
    description:
      "Tickets created or changed within your reach, as they happen (server-sent events): staff hear their partner's tickets, client users their own client's and never an internal note. Ends with UNAUTHENTICATED when your session or access token does",
    args: { clientId: t.arg.id({ required: false, description: "Only this client's tickets" }) },
    subscribe: async function* (_root, { clientId }, context) {
      if (context.principal.kind === "anonymous") throw forbidden();
      const scope = scopeOf(context.principal);
      const onlyClient = clientId ? idOf(String(clientId), "Client", "clientId") : null;
      for await (const event of whileSessionLives(context, (signal) => context.events.subscribe("ticketChanged", signal))) {
        if (!inScope(event, scope) || (onlyClient && event.clientId !== onlyClient)) continue;
        // A hidden comment is staff-only, and so is the news that one was added.
        if (event.staffOnly && scope.kind === "client") continue;
        yield { change: event.change, ticketId: event.ticketId };
      }
    },
    resolve: (event: TicketEventShape) => event,
  }),
);

addRules({ Subscription: { ticketChanged: isAuthenticated }, TicketEvent: { "*": isAuthenticated } });
