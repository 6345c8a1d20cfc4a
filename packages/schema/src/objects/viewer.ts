import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { addRules, allow } from "../permissions.js";
import type { Principal } from "../principal.js";
import { isAuthenticated } from "../rules/roles.js";
import { ClientRef } from "./client.js";
import { ClientUserRoleEnum, StaffRoleEnum } from "./enums.js";
import { PartnerRef } from "./partner.js";

type SignedIn = Exclude<Principal, { kind: "anonymous" }>;
export type ViewerShape = { principal: SignedIn; name: string; email: string };

const ViewerKindEnum = builder.enumType("ViewerKind", { values: ["STAFF", "CLIENT"] as const });

/** Loads the signed-in user's own record (not tenant data, so from the unscoped client). */
export async function loadViewer(context: GraphQLContext, principal: Principal = context.principal): Promise<ViewerShape | null> {
  if (principal.kind === "anonymous") return null;
  const prisma = context.database.prisma;
  const user =
    principal.kind === "staff"
      ? await prisma.staffUser.findUnique({ where: { id: principal.userId }, select: { name: true, email: true } })
      : await prisma.clientUser.findUnique({ where: { id: principal.userId }, select: { name: true, email: true } });
  return user ? { principal, name: user.name, email: user.email } : null;
}

export const ViewerRef = builder.objectRef<ViewerShape>("Viewer").implement({
  description: "The signed-in user",
  fields: (t) => ({
    id: t.id({ resolve: ({ principal }) => principal.userId }),
    kind: t.field({ type: ViewerKindEnum, resolve: ({ principal }) => (principal.kind === "staff" ? "STAFF" : "CLIENT") }),
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    staffRole: t.field({ type: StaffRoleEnum, nullable: true, resolve: ({ principal }) => (principal.kind === "staff" ? principal.role : null) }),
    clientRole: t.field({ type: ClientUserRoleEnum, nullable: true, resolve: ({ principal }) => (principal.kind === "client" ? principal.role : null) }),
    partner: t.prismaField({
      type: PartnerRef,
      nullable: true,
      description: "The viewer's partner: none for platform admins",
      resolve: (query, { principal }, _args, { db }) => (principal.partnerId ? db.partner.findUnique({ ...query, where: { id: principal.partnerId } }) : null),
    }),
    client: t.prismaField({
      type: ClientRef,
      nullable: true,
      description: "The client a client user belongs to",
      resolve: (query, { principal }, _args, { db }) => (principal.kind === "client" ? db.client.findUnique({ ...query, where: { id: principal.clientId } }) : null),
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({ type: ViewerRef, nullable: true, description: "Who is signed in; null when nobody is", resolve: (_root, _args, context) => loadViewer(context) }),
);

addRules({ Query: { viewer: allow }, Viewer: { "*": isAuthenticated } });
