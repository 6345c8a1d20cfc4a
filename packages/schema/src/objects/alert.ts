import { builder } from "../builder.js";
import { addRules } from "../permissions.js";
import { isAuthenticated } from "../rules/roles.js";
import { AlertSeverityEnum, AlertStatusEnum } from "./enums.js";
import { idOf, nodeLookup } from "./global-id.js";

export const AlertRef = builder.prismaNode("Alert", {
  id: { field: "id" },
  ...nodeLookup,
  description: "Something on a client's machines that needs attention",
  fields: (t) => ({
    severity: t.expose("severity", { type: AlertSeverityEnum }),
    status: t.expose("status", { type: AlertStatusEnum }),
    source: t.exposeString("source", { description: "What raised it: monitoring, or a plugin's id" }),
    message: t.string({
      description: "What happened. Client users read a version without staff-only detail (a backup provider's raw error text)",
      select: { message: true, clientMessage: true },
      resolve: (alert, _args, { principal }) => (principal.kind === "client" ? (alert.clientMessage ?? alert.message) : alert.message),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    acknowledgedAt: t.expose("acknowledgedAt", { type: "DateTime", nullable: true }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true }),
    agent: t.relation("agent", { nullable: true }),
    client: t.relation("client"),
  }),
});

const AlertFilter = builder.inputType("AlertFilter", {
  fields: (t) => ({
    status: t.field({ type: AlertStatusEnum, required: false }),
    severity: t.field({ type: AlertSeverityEnum, required: false }),
    clientId: t.id({ required: false }),
  }),
});

type TAlertFilter = { status?: "ACTIVE" | "ACKNOWLEDGED" | "RESOLVED" | null; severity?: "INFO" | "WARNING" | "CRITICAL" | null; clientId?: string | number | null } | null | undefined;

function alertWhere(filter: TAlertFilter) {
  return {
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.severity ? { severity: filter.severity } : {}),
    ...(filter?.clientId ? { clientId: idOf(String(filter.clientId), "Client", "filter.clientId") } : {}),
  };
}

builder.queryField("alerts", (t) =>
  t.prismaConnection({
    type: "Alert",
    cursor: "id",
    description: "Alerts in the caller's reach, newest first",
    args: { filter: t.arg({ type: AlertFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) => db.alert.findMany({ ...query, where: alertWhere(filter), orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
    totalCount: (_root, { filter }, { db }) => db.alert.count({ where: alertWhere(filter) }),
  }),
);

addRules({ Query: { alerts: isAuthenticated }, Alert: { "*": isAuthenticated } });
