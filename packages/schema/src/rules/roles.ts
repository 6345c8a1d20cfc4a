import { GraphQLError } from "graphql";
import { rule } from "graphql-shield";
import type { GraphQLContext } from "../context.js";

// These depend only on who is calling, so shield may cache them for the whole request.
// A caller with no session is told to sign in (UNAUTHENTICATED) rather than FORBIDDEN.
const SIGN_IN = new GraphQLError("Sign in to do this", { extensions: { code: "UNAUTHENTICATED" } });
const contextual = (name: string, test: (context: GraphQLContext) => boolean) =>
  rule(name, { cache: "contextual" })((_parent, _args, context: GraphQLContext) => test(context) || (context.principal.kind === "anonymous" && name !== "isAnonymous" ? SIGN_IN : false));

export const isAuthenticated = contextual("isAuthenticated", ({ principal }) => principal.kind !== "anonymous");
export const isAnonymous = contextual("isAnonymous", ({ principal }) => principal.kind === "anonymous");
export const isPlatformAdmin = contextual("isPlatformAdmin", ({ principal }) => principal.kind === "staff" && principal.role === "PLATFORM_ADMIN");
/**
 * Any staff user (platform admins and every partner role) or a partner's API key, which
 * has its partner's reach; a key's scopes are checked separately for mutations.
 */
export const isStaff = contextual("isStaff", ({ principal }) => principal.kind === "staff" || principal.kind === "apiKey");
/** Partner OWNER or ADMIN, a platform admin, or an API key: may manage clients, users and settings. */
export const isPartnerManager = contextual(
  "isPartnerManager",
  ({ principal }) => (principal.kind === "staff" && principal.role !== "TECHNICIAN") || principal.kind === "apiKey",
);
/** A person with a session (not an API key): for acts that belong to a human. */
export const isPerson = contextual("isPerson", ({ principal }) => principal.kind === "staff" || principal.kind === "client");
/** A person acting as themselves, not through impersonation: for managing their own account. */
export const isNotImpersonating = contextual(
  "isNotImpersonating",
  ({ principal }) => (principal.kind === "staff" || principal.kind === "client") && !principal.impersonation,
);
/** Partner OWNER/ADMIN (also while impersonating a partner) or a platform admin acting as themselves. */
export const mayImpersonate = contextual(
  "mayImpersonate",
  ({ principal }) => principal.kind === "staff" && (principal.role === "PLATFORM_ADMIN" || principal.role === "OWNER" || principal.role === "ADMIN"),
);
export const isClientUser = contextual("isClientUser", ({ principal }) => principal.kind === "client");
export const isClientAdmin = contextual("isClientAdmin", ({ principal }) => principal.kind === "client" && principal.role === "ADMIN");
/** A partner's OWNER, for the partner's own security settings. */
export const isPartnerOwner = contextual("isPartnerOwner", ({ principal }) => principal.kind === "staff" && principal.role === "OWNER" && !principal.impersonation);
