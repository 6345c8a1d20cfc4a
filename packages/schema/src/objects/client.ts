import { or } from "graphql-shield";
import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { addRules } from "../permissions.js";
import { isAuthenticated, isClientAdmin, isStaff } from "../rules/roles.js";
import { AgentStatusEnum, AlertSeverityEnum, AlertStatusEnum } from "./enums.js";
import { countedConnection } from "../loaders/relation-counts.js";
import { visibilityFilter } from "../tenant-scope.js";
import { idOf, nodeLookup } from "./global-id.js";
import { containsText } from "./text-match.js";

// The same filters serve the page query and its batched totalCount.
const agentFilter = ({ status }: { status?: unknown }) => (status ? { status: status as "ONLINE" | "OFFLINE" } : {});
const alertFilter = ({ status, severity }: { status?: unknown; severity?: unknown }) => ({
  ...(status ? { status: status as "ACTIVE" | "ACKNOWLEDGED" | "RESOLVED" } : {}),
  ...(severity ? { severity: severity as "INFO" | "WARNING" | "CRITICAL" } : {}),
});

type Branding = { logoUrl: string | null; primaryColor: string; accentColor: string };

const BrandingRef = builder.objectRef<Branding>("Branding").implement({
  description: "How the client portal looks for this client",
  fields: (t) => ({
    logoUrl: t.exposeString("logoUrl", { nullable: true }),
    primaryColor: t.exposeString("primaryColor", { description: "#rrggbb" }),
    accentColor: t.exposeString("accentColor", { description: "#rrggbb" }),
  }),
});

export const ClientRef = builder.prismaNode("Client", {
  id: { field: "id" },
  ...nodeLookup,
  description: "An MSP's customer",
  fields: (t) => ({
    name: t.exposeString("name"),
    domain: t.exposeString("domain"),
    logoUrl: t.exposeString("logoUrl", { nullable: true }),
    branding: t.field({
      type: BrandingRef,
      select: { logoUrl: true, primaryColor: true, accentColor: true },
      resolve: (client) => ({ logoUrl: client.logoUrl, primaryColor: client.primaryColor, accentColor: client.accentColor }),
    }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    partner: t.relation("partner"),
    sites: t.relatedConnection("sites", { cursor: "id", query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }, countedConnection("site", "clientId")),
    agents: t.relatedConnection(
      "agents",
      {
        cursor: "id",
        args: { status: t.arg({ type: AgentStatusEnum, required: false }) },
        query: ({ status }) => ({ where: agentFilter({ status }), orderBy: [{ hostname: "asc" }, { id: "asc" }] }),
      },
      countedConnection("agent", "clientId", agentFilter),
    ),
    alerts: t.relatedConnection(
      "alerts",
      {
        cursor: "id",
        args: {
          status: t.arg({ type: AlertStatusEnum, required: false }),
          severity: t.arg({ type: AlertSeverityEnum, required: false }),
        },
        query: ({ status, severity }) => ({ where: alertFilter({ status, severity }), orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
      },
      countedConnection("alert", "clientId", alertFilter),
    ),
    documents: t.relatedConnection(
      "documents",
      { cursor: "id", query: (_args, { principal }) => ({ where: visibilityFilter("Document", principal), orderBy: [{ title: "asc" }, { id: "asc" }] }) },
      countedConnection("document", "clientId"),
    ),
    users: t.relatedConnection("users", { cursor: "id", query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }, countedConnection("clientUser", "clientId")),
  }),
});

const ClientFilter = builder.inputType("ClientFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the client's name or domain, any case" }),
    includeArchived: t.boolean({ required: false, description: "Archived clients are left out unless this is true" }),
  }),
});

type TClientFilter = { search?: string | null; includeArchived?: boolean | null } | null | undefined;

function clientWhere(filter: TClientFilter) {
  return {
    ...(filter?.includeArchived ? {} : { archivedAt: null }),
    ...(filter?.search
      ? { OR: [{ name: containsText(filter.search) }, { domain: containsText(filter.search) }] }
      : {}),
  };
}

builder.queryFields((t) => ({
  clients: t.prismaConnection({
    type: "Client",
    cursor: "id",
    description: "The clients in the caller's reach, by name",
    args: { filter: t.arg({ type: ClientFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) => db.client.findMany({ ...query, where: clientWhere(filter), orderBy: [{ name: "asc" }, { id: "asc" }] }),
    totalCount: (_root, { filter }, { db }) => db.client.count({ where: clientWhere(filter) }),
  }),
  client: t.prismaField({
    type: "Client",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, { db }) => {
      const client = await db.client.findUnique({ ...query, where: { id: idOf(String(id), "Client") } });
      if (!client) throw notFound("Client");
      return client;
    },
  }),
}));

addRules({
  Query: { clients: isStaff, client: isAuthenticated },
  Client: { "*": isAuthenticated, users: or(isStaff, isClientAdmin) },
  Branding: { "*": isAuthenticated },
});
