import { whileSessionLives } from "../auth/live-session.js";
import { builder } from "../builder.js";
import { forbidden } from "../errors.js";
import type { AlertChange } from "../events.js";
import { addRules } from "../permissions.js";
import { isAuthenticated } from "../rules/roles.js";
import { type TenantScope, scopeOf } from "../tenant-scope.js";
import { AlertRef } from "./alert.js";
import { idOf } from "./global-id.js";

/** Whether a live update about a client's row is within the subscriber's reach. */
export function inScope(event: { partnerId: string; clientId: string }, scope: TenantScope): boolean {
  switch (scope.kind) {
    case "platform":
      return true;
    case "partner":
      return event.partnerId === scope.partnerId;
    case "client":
      return event.partnerId === scope.partnerId && event.clientId === scope.clientId;
    case "none":
      return false;
  }
}

const AlertChangeEnum = builder.enumType("AlertChangeKind", { values: ["RAISED", "UPDATED"] as const });

type AlertEventShape = { change: AlertChange["change"]; alertId: string };

const AlertEventRef = builder.objectRef<AlertEventShape>("AlertEvent").implement({
  fields: (t) => ({
    change: t.expose("change", { type: AlertChangeEnum }),
    alert: t.prismaField({
      type: AlertRef,
      nullable: true,
      // The second wall: the alert is read through the subscriber's own tenant scope.
      resolve: (query, event, _args, { db }) => db.alert.findUnique({ ...query, where: { id: event.alertId } }),
    }),
  }),
});

builder.subscriptionField("alertChanged", (t) =>
  t.field({
    type: AlertEventRef,
    description: "Alerts raised or changed within your reach, as they happen (server-sent events); ends with UNAUTHENTICATED when your session or access token does",
    args: { clientId: t.arg.id({ required: false, description: "Only this client's alerts" }) },
    subscribe: async function* (_root, { clientId }, context) {
      // Shield guards each event's resolve; refusing here also spares an anonymous stream.
      if (context.principal.kind === "anonymous") throw forbidden();
      const scope = scopeOf(context.principal);
      const onlyClient = clientId ? idOf(String(clientId), "Client", "clientId") : null;
      // The stream ends with UNAUTHENTICATED when the caller's session does.
      for await (const event of whileSessionLives(context, (signal) => context.events.subscribe("alertChanged", signal))) {
        if (!inScope(event, scope) || (onlyClient && event.clientId !== onlyClient)) continue;
        yield { change: event.change, alertId: event.alertId };
      }
    },
    resolve: (event: AlertEventShape) => event,
  }),
);

addRules({ Subscription: { alertChanged: isAuthenticated }, AlertEvent: { "*": isAuthenticated } });
