import { or } from "graphql-shield";
import { builder } from "../builder.js";
import { notFound } from "../errors.js";
import { addRules } from "../permissions.js";
import { isAuthenticated, isClientAdmin, isStaff } from "../rules/roles.js";
import { AgentStatusEnum, AlertSeverityEnum, AlertStatusEnum } from "./enums.js";
import { idOf, nodeLookup } from "./global-id.js";

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
    sites: t.relatedConnection("sites", { cursor: "id", totalCount: true, query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }),
    agents: t.relatedConnection("agents", {
      cursor: "id",
      totalCount: true,
      args: { status: t.arg({ type: AgentStatusEnum, required: false }) },
      query: ({ status }) => ({ where: status ? { status } : {}, orderBy: [{ hostname: "asc" }, { id: "asc" }] }),
    }),
    alerts: t.relatedConnection("alerts", {
      cursor: "id",
      totalCount: true,
      args: {
        status: t.arg({ type: AlertStatusEnum, required: false }),
        severity: t.arg({ type: AlertSeverityEnum, required: false }),
      },
      query: ({ status, severity }) => ({
        where: { ...(status ? { status } : {}), ...(severity ? { severity } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),
    }),
    documents: t.relatedConnection("documents", { cursor: "id", totalCount: true, query: { orderBy: [{ title: "asc" }, { id: "asc" }] } }),
    users: t.relatedConnection("users", { cursor: "id", totalCount: true, query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }),
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
      ? { OR: [{ name: { contains: filter.search, mode: "insensitive" as const } }, { domain: { contains: filter.search, mode: "insensitive" as const } }] }
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
