import { rule } from "graphql-shield";
import { z } from "zod";
import { builder } from "../builder.js";
import { badInput, forbidden, notFound } from "../errors.js";
import { addRules } from "../permissions.js";
import type { GraphQLContext } from "../context.js";
import { isAuthenticated, isPlatformAdmin, isStaff } from "../rules/roles.js";
import { countedConnection } from "../loaders/relation-counts.js";
import { idOf, nodeLookup } from "./global-id.js";
import { containsText } from "./text-match.js";

export const PartnerRef = builder.prismaNode("Partner", {
  id: { field: "id" },
  ...nodeLookup,
  description: "An MSP: a tenant of the platform with its own clients and staff",
  fields: (t) => ({
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    requireStaffMfa: t.exposeBoolean("requireStaffMfa", { description: "Staff must use a second factor; those without one set it up at their next sign-in" }),
    ticketQueueEmails: t.exposeStringList("ticketQueueEmails", { description: "Where notices of client tickets without an assignee go (a client opens one or replies)" }),
    onCallEmails: t.exposeStringList("onCallEmails", { description: "Who is emailed when a CRITICAL alert is raised or a backup fails, and when they recover" }),
    clients: t.relatedConnection(
      "clients",
      { cursor: "id", query: { where: { archivedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }] } },
      countedConnection("client", "partnerId", () => ({ archivedAt: null })),
    ),
    staffUsers: t.relatedConnection(
      "staffUsers",
      { cursor: "id", description: "The partner's staff, for every staff role (emails for OWNER/ADMIN); not for client users", query: { orderBy: [{ name: "asc" }, { id: "asc" }] } },
      countedConnection("staffUser", "partnerId"),
    ),
  }),
});

const PartnerFilter = builder.inputType("PartnerFilter", {
  fields: (t) => ({ search: t.string({ required: false, description: "Part of the partner's name, any case" }) }),
});

builder.queryFields((t) => ({
  partners: t.prismaConnection({
    type: "Partner",
    cursor: "id",
    description: "Every partner (platform admins only)",
    args: { filter: t.arg({ type: PartnerFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) =>
      db.partner.findMany({
        ...query,
        where: filter?.search ? { name: containsText(filter.search) } : {},
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
    totalCount: (_root, { filter }, { db }) =>
      db.partner.count({ where: filter?.search ? { name: containsText(filter.search) } : {} }),
  }),
  partner: t.prismaField({
    type: "Partner",
    description: "One partner (platform admins only)",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, { db }) => {
      const partner = await db.partner.findUnique({ ...query, where: { id: idOf(String(id), "Partner") } });
      if (!partner) throw notFound("Partner");
      return partner;
    },
  }),
}));

const UpdatePartnerInput = builder.inputType("UpdatePartnerInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    requireStaffMfa: t.boolean({ required: false, description: "Require a second factor of every staff member (the OWNER only)" }),
    ticketQueueEmails: t.stringList({ required: false, description: "Replaces the ticket-queue addresses (at most 10; an empty list turns these notices off)" }),
    onCallEmails: t.stringList({ required: false, description: "Replaces the on-call addresses (at most 10; an empty list turns these notices off)" }),
  }),
});

const ZAddresses = z.array(z.string().trim().toLowerCase().email().max(254)).max(10);

function addresses(value: readonly string[] | null | undefined, field: string): { [key: string]: string[] } {
  if (value == null) return {};
  const parsed = ZAddresses.safeParse(value);
  if (!parsed.success) throw badInput(`\`${field}\` takes at most 10 email addresses`, field);
  return { [field]: [...new Set(parsed.data)] };
}

builder.mutationField("updatePartner", (t) =>
  t.prismaField({
    type: "Partner",
    description: "Changes the partner's settings (OWNER or ADMIN; requireStaffMfa the OWNER only)",
    args: { input: t.arg({ type: UpdatePartnerInput, required: true }) },
    resolve: async (query, _root, { input }, { db, principal }) => {
      const id = idOf(String(input.id), "Partner");
      // The tenant scope already hides other partners; the OWNER rule leaves only their own.
      if (principal.kind !== "staff" || principal.partnerId !== id) throw notFound("Partner");
      // The sign-in policy of every colleague stays the owner's own decision.
      if (input.requireStaffMfa != null && (principal.role !== "OWNER" || principal.impersonation)) throw forbidden();
      const data = {
        ...(input.requireStaffMfa != null ? { requireStaffMfa: input.requireStaffMfa } : {}),
        ...addresses(input.ticketQueueEmails, "ticketQueueEmails"),
        ...addresses(input.onCallEmails, "onCallEmails"),
      };
      return db.partner.update({ ...query, where: { id }, data });
    },
  }),
);

// The partner's own OWNER or ADMIN (the resolver keeps requireStaffMfa to the OWNER).
const isPartnerOwnerOrAdmin = rule("isPartnerOwnerOrAdmin", { cache: "contextual" })(
  (_parent, _args, { principal }: GraphQLContext) => principal.kind === "staff" && (principal.role === "OWNER" || principal.role === "ADMIN"),
);

addRules({
  Mutation: { updatePartner: isPartnerOwnerOrAdmin },
  Query: { partners: isPlatformAdmin, partner: isPlatformAdmin },
  // Every staff role lists its colleagues (a technician assigns tickets); StaffUser's own rules keep emails to managers.
  Partner: { "*": isAuthenticated, clients: isStaff, staffUsers: isStaff, requireStaffMfa: isStaff, ticketQueueEmails: isStaff, onCallEmails: isStaff },
});
