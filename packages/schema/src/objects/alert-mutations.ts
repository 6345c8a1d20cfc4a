import type { AlertStatus } from "@mspgraph/db";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { eventActorOf } from "../domain-events/actor.js";
import { alertData } from "../domain-events/payloads.js";
import { recordDomainEvent } from "../domain-events/record.js";
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

type AlertAction = { to: "ACKNOWLEDGED" | "RESOLVED"; from: AlertStatus[]; refusal: (status: AlertStatus) => string };

const ACTIONS = {
  acknowledge: { to: "ACKNOWLEDGED", from: ["ACTIVE"], refusal: (status) => `the alert is ${status.toLowerCase()}, not active` },
  resolve: { to: "RESOLVED", from: ["ACTIVE", "ACKNOWLEDGED"], refusal: () => "the alert is already resolved" },
} satisfies Record<string, AlertAction>;

/** Changes the alert's status and records its event in one transaction; a concurrent change wins once. */
async function changeAlert(context: GraphQLContext, globalId: string, action: AlertAction): Promise<AlertPayload> {
  const { db, principal, database, events } = context;
  const id = idOf(globalId, "Alert");
  const alert = await db.alert.findUnique({ where: { id }, select: { status: true } });
  if (!alert) throw notFound("Alert");
  const conflict = { alert: { id }, userErrors: [{ field: "id", message: action.refusal(alert.status), code: "CONFLICT" as const }] };
  if (!action.from.includes(alert.status)) return conflict;
  const actor = await eventActorOf(database.prisma, principal);
  const staffId = principal.kind === "staff" ? principal.userId : null;
  const now = new Date();
  const stamp = action.to === "ACKNOWLEDGED" ? { acknowledgedAt: now, acknowledgedById: staffId } : { resolvedAt: now, resolvedById: staffId };
  const changed = await database.prisma.$transaction(async (tx) => {
    const { count } = await tx.alert.updateMany({ where: { id, status: { in: action.from } }, data: { status: action.to, ...stamp } });
    if (count === 0) return null;
    const row = await tx.alert.findUniqueOrThrow({ where: { id } });
    await recordDomainEvent(tx, { type: action.to === "ACKNOWLEDGED" ? "alert.acknowledged" : "alert.resolved", partnerId: row.partnerId, clientId: row.clientId, actor, payload: { alert: alertData(row) } });
    return row;
  });
  if (!changed) return conflict;
  events.publish("alertChanged", { change: "UPDATED", alertId: id, partnerId: changed.partnerId, clientId: changed.clientId });
  return { alert: { id }, userErrors: [] };
}

builder.mutationFields((t) => ({
  acknowledgeAlert: t.field({
    type: AlertPayloadRef,
    description: "Marks an ACTIVE alert as seen and being worked on",
    args: { input: t.arg({ type: AlertActionInput, required: true }) },
    resolve: (_root, { input }, context) => changeAlert(context, String(input.id), ACTIONS.acknowledge),
  }),
  resolveAlert: t.field({
    type: AlertPayloadRef,
    description: "Closes an ACTIVE or ACKNOWLEDGED alert",
    args: { input: t.arg({ type: AlertActionInput, required: true }) },
    resolve: (_root, { input }, context) => changeAlert(context, String(input.id), ACTIONS.resolve),
  }),
}));

addRules({ Mutation: { acknowledgeAlert: isStaff, resolveAlert: isStaff }, AlertPayload: { "*": allow } });
