import { builder } from "../builder.js";
import { addRules } from "../permissions.js";
import { isAuthenticated } from "../rules/roles.js";
import { AgentStatusEnum } from "./enums.js";
import { countedConnection } from "../loaders/relation-counts.js";
import { idOf, nodeLookup } from "./global-id.js";
import { containsText } from "./text-match.js";

export const AgentRef = builder.prismaNode("Agent", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A monitored machine",
  fields: (t) => ({
    hostname: t.exposeString("hostname"),
    os: t.exposeString("os"),
    osVersion: t.exposeString("osVersion", { nullable: true }),
    status: t.expose("status", { type: AgentStatusEnum }),
    lastSeenAt: t.expose("lastSeenAt", { type: "DateTime", nullable: true }),
    site: t.relation("site"),
    client: t.relation("client"),
    alerts: t.relatedConnection("alerts", { cursor: "id", query: { orderBy: [{ createdAt: "desc" }, { id: "asc" }] } }, countedConnection("alert", "agentId")),
  }),
});

const AgentFilter = builder.inputType("AgentFilter", {
  fields: (t) => ({
    clientId: t.id({ required: false }),
    status: t.field({ type: AgentStatusEnum, required: false }),
    search: t.string({ required: false, description: "Part of the hostname, any case" }),
  }),
});

type TAgentFilter = { clientId?: string | number | null; status?: "ONLINE" | "OFFLINE" | null; search?: string | null } | null | undefined;

function agentWhere(filter: TAgentFilter) {
  return {
    ...(filter?.clientId ? { clientId: idOf(String(filter.clientId), "Client", "filter.clientId") } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.search ? { hostname: containsText(filter.search) } : {}),
  };
}

builder.queryField("agents", (t) =>
  t.prismaConnection({
    type: "Agent",
    cursor: "id",
    description: "The monitored machines in the caller's reach, by hostname",
    args: { filter: t.arg({ type: AgentFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) => db.agent.findMany({ ...query, where: agentWhere(filter), orderBy: [{ hostname: "asc" }, { id: "asc" }] }),
    totalCount: (_root, { filter }, { db }) => db.agent.count({ where: agentWhere(filter) }),
  }),
);

addRules({ Query: { agents: isAuthenticated }, Agent: { "*": isAuthenticated } });
