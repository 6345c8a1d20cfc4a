import { rule } from "graphql-shield";
import type { GraphQLContext } from "../context.js";

// These depend only on who is calling, so shield may cache them for the whole request.
const contextual = (name: string, test: (context: GraphQLContext) => boolean) =>
  rule(name, { cache: "contextual" })((_parent, _args, context: GraphQLContext) => test(context));

export const isAuthenticated = contextual("isAuthenticated", ({ principal }) => principal.kind !== "anonymous");
export const isAnonymous = contextual("isAnonymous", ({ principal }) => principal.kind === "anonymous");
export const isPlatformAdmin = contextual("isPlatformAdmin", ({ principal }) => principal.kind === "staff" && principal.role === "PLATFORM_ADMIN");
/** Any staff user: platform admins and every partner role. */
export const isStaff = contextual("isStaff", ({ principal }) => principal.kind === "staff");
/** Partner OWNER or ADMIN, or a platform admin: may manage clients, users and settings. */
export const isPartnerManager = contextual(
  "isPartnerManager",
  ({ principal }) => principal.kind === "staff" && principal.role !== "TECHNICIAN",
);
export const isClientUser = contextual("isClientUser", ({ principal }) => principal.kind === "client");
export const isClientAdmin = contextual("isClientAdmin", ({ principal }) => principal.kind === "client" && principal.role === "ADMIN");
