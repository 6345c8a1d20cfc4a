import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { addRules, allow } from "../permissions.js";
import type { Impersonation, Principal } from "../principal.js";
import { isAuthenticated } from "../rules/roles.js";
import { ClientRef } from "./client.js";
import { ClientUserRoleEnum, StaffRoleEnum } from "./enums.js";
import { PartnerRef } from "./partner.js";

export type PersonPrincipal = Extract<Principal, { kind: "staff" | "client" }>;
export type ViewerShape = { principal: PersonPrincipal; name: string; email: string };

const ViewerKindEnum = builder.enumType("ViewerKind", { values: ["STAFF", "CLIENT"] as const });
const ImpersonationSubjectTypeEnum = builder.enumType("ImpersonationSubjectType", { values: ["PARTNER", "CLIENT"] as const });

/**
 * The signed-in person's own record (from the unscoped client: identity, not tenant data).
 * While impersonating, that is the real actor, acting with the subject's kind and role.
 */
export async function loadViewer(context: GraphQLContext, principal: Principal = context.principal): Promise<ViewerShape | null> {
  if (principal.kind !== "staff" && principal.kind !== "client") return null;
  const prisma = context.database.prisma;
  const user =
    principal.kind === "staff" || principal.impersonation
      ? await prisma.staffUser.findUnique({ where: { id: principal.impersonation?.actorId ?? principal.userId }, select: { name: true, email: true } })
      : await prisma.clientUser.findUnique({ where: { id: principal.userId }, select: { name: true, email: true } });
  return user ? { principal, name: user.name, email: user.email } : null;
}

const ImpersonationLinkRef = builder.objectRef<Impersonation["chain"][number]>("ImpersonationLink").implement({
  description: "One step of an impersonation chain: who took on which partner or client, and when",
  fields: (t) => ({
    actorId: t.exposeID("actorId"),
    actorName: t.exposeString("actorName"),
    subjectType: t.expose("subjectType", { type: ImpersonationSubjectTypeEnum }),
    subjectId: t.exposeID("subjectId", { description: "The database id of the partner or client" }),
    subjectName: t.exposeString("subjectName"),
    startedAt: t.field({ type: "DateTime", resolve: (link) => new Date(link.startedAt) }),
  }),
});

type ImpersonationShape = Impersonation & { actorName: string };

const ImpersonationRef = builder.objectRef<ImpersonationShape>("Impersonation").implement({
  description: 'Present while the viewer is acting as someone else: show "Viewing as <subject.name>" and a way out (stopImpersonation)',
  fields: (t) => ({
    actorName: t.exposeString("actorName", { description: "The real person acting" }),
    actorId: t.exposeID("actorId"),
    subject: t.field({ type: ImpersonationLinkRef, description: "The partner or client being viewed as (the last link)", resolve: (i) => i.chain.at(-1)! }),
    chain: t.field({ type: [ImpersonationLinkRef], resolve: (i) => i.chain }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    reason: t.exposeString("reason"),
  }),
});

export const ViewerRef = builder.objectRef<ViewerShape>("Viewer").implement({
  description: "The signed-in user",
  fields: (t) => ({
    id: t.id({ resolve: ({ principal }) => principal.impersonation?.actorId ?? principal.userId }),
    kind: t.field({ type: ViewerKindEnum, description: "Which kind of user the session acts as", resolve: ({ principal }) => (principal.kind === "staff" ? "STAFF" : "CLIENT") }),
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    staffRole: t.field({ type: StaffRoleEnum, nullable: true, resolve: ({ principal }) => (principal.kind === "staff" ? principal.role : null) }),
    clientRole: t.field({ type: ClientUserRoleEnum, nullable: true, resolve: ({ principal }) => (principal.kind === "client" ? principal.role : null) }),
    impersonation: t.field({
      type: ImpersonationRef,
      nullable: true,
      resolve: ({ principal, name }) => (principal.impersonation ? { ...principal.impersonation, actorName: principal.impersonation.chain[0]?.actorName ?? name } : null),
    }),
    partner: t.prismaField({
      type: PartnerRef,
      nullable: true,
      description: "The partner the viewer acts for: none for platform admins",
      resolve: (query, { principal }, _args, { db }) => (principal.partnerId ? db.partner.findUnique({ ...query, where: { id: principal.partnerId } }) : null),
    }),
    client: t.prismaField({
      type: ClientRef,
      nullable: true,
      description: "The client a client user (or an impersonated client) belongs to",
      resolve: (query, { principal }, _args, { db }) => (principal.kind === "client" ? db.client.findUnique({ ...query, where: { id: principal.clientId } }) : null),
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({ type: ViewerRef, nullable: true, description: "Who is signed in; null when nobody is (and for API keys)", resolve: (_root, _args, context) => loadViewer(context) }),
);

addRules({
  Query: { viewer: allow },
  Viewer: { "*": isAuthenticated },
  Impersonation: { "*": isAuthenticated },
  ImpersonationLink: { "*": isAuthenticated },
});
