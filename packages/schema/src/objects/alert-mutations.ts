import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { isStaff } from "../rules/roles.js";
import { AlertRef } from "./alert.js";
import { idOf } from "./global-id.js";
import { type TUserError, UserErrorRef } from "./user-error.js";

type AlertPayload = { alert: { id: string } | null; userErrors: TUserError[] };

const AlertPayloadRef = builder.objectRef<AlertPayload>("AlertPayload").implement({
  fields: (t) => ({
    alert: t.prismaField({
      type: AlertRef,
      nullable: true,
      resolve: (query, payload, _args, { db }) => (payload.alert ? db.alert.findUnique({ ...query, where: { id: payload.alert.id } }) : null),
    }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const AlertActionInput = builder.inputType("AlertActionInput", { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.mutationFields((t) => ({
  acknowledgeAlert: t.field({
    type: AlertPayloadRef,
    description: "Marks an ACTIVE alert as seen and being worked on",
    args: { input: t.arg({ type: AlertActionInput, required: true }) },
    resolve: async (_root, { input }, { db, principal, events }): Promise<AlertPayload> => {
      const id = idOf(String(input.id), "Alert");
      const alert = await db.alert.findUnique({ where: { id }, select: { status: true, partnerId: true, clientId: true } });
      if (!alert) throw notFound("Alert");
      if (alert.status !== "ACTIVE") return { alert: { id }, userErrors: [{ field: "id", message: `the alert is ${alert.status.toLowerCase()}, not active`, code: "CONFLICT" }] };
      await db.alert.update({ where: { id }, data: { status: "ACKNOWLEDGED", acknowledgedAt: new Date(), acknowledgedById: principal.kind === "staff" ? principal.userId : null } });
      events.publish("alertChanged", { change: "UPDATED", alertId: id, partnerId: alert.partnerId, clientId: alert.clientId });
      return { alert: { id }, userErrors: [] };
    },
  }),
  resolveAlert: t.field({
    type: AlertPayloadRef,
    description: "Closes an ACTIVE or ACKNOWLEDGED alert",
    args: { input: t.arg({ type: AlertActionInput, required: true }) },
    resolve: async (_root, { input }, { db, principal, events }): Promise<AlertPayload> => {
      const id = idOf(String(input.id), "Alert");
      const alert = await db.alert.findUnique({ where: { id }, select: { status: true, partnerId: true, clientId: true } });
      if (!alert) throw notFound("Alert");
      if (alert.status === "RESOLVED") return { alert: { id }, userErrors: [{ field: "id", message: "the alert is already resolved", code: "CONFLICT" }] };
      await db.alert.update({ where: { id }, data: { status: "RESOLVED", resolvedAt: new Date(), resolvedById: principal.kind === "staff" ? principal.userId : null } });
      events.publish("alertChanged", { change: "UPDATED", alertId: id, partnerId: alert.partnerId, clientId: alert.clientId });
      return { alert: { id }, userErrors: [] };
    },
  }),
}));

addRules({ Mutation: { acknowledgeAlert: isStaff, resolveAlert: isStaff }, AlertPayload: { "*": allow } });
