import { principalFromAuthorization } from "../auth/authenticate.js";
import { builder } from "../builder.js";
import { revokeSession, rotateRefreshToken } from "../auth/sessions.js";
import { signIn } from "../auth/sign-in.js";
import type { SessionTokens } from "../auth/sessions.js";
import type { GraphQLContext } from "../context.js";
import { addRules, allow } from "../permissions.js";
import { isAuthenticated } from "../rules/roles.js";
import { scopeOf, scopedPrisma } from "../tenant-scope.js";
import { type TUserError, UserErrorRef } from "./user-error.js";
import { type ViewerShape, ViewerRef, loadViewer } from "./viewer.js";

type SessionPayload = { tokens: SessionTokens | null; viewer: ViewerShape | null; userErrors: TUserError[] };

const SessionPayloadRef = builder.objectRef<SessionPayload>("SessionPayload").implement({
  description: "A new session: send `accessToken` as `Authorization: Bearer`; swap `refreshToken` for a new pair before `expiresAt`",
  fields: (t) => ({
    accessToken: t.string({ nullable: true, resolve: (p) => p.tokens?.accessToken ?? null }),
    refreshToken: t.string({ nullable: true, description: "Single use: each refresh returns a new one", resolve: (p) => p.tokens?.refreshToken ?? null }),
    expiresAt: t.field({ type: "DateTime", nullable: true, description: "When the access token expires", resolve: (p) => p.tokens?.expiresAt ?? null }),
    viewer: t.field({ type: ViewerRef, nullable: true, resolve: (p) => p.viewer }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const LoginInput = builder.inputType("LoginInput", {
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});
const RefreshSessionInput = builder.inputType("RefreshSessionInput", { fields: (t) => ({ refreshToken: t.string({ required: true }) }) });
const LogoutInput = builder.inputType("LogoutInput", {
  fields: (t) => ({ allSessions: t.boolean({ required: false, description: "Also end the user's sessions on other devices" }) }),
});

const LogoutPayloadRef = builder.objectRef<{ ok: boolean }>("LogoutPayload").implement({
  fields: (t) => ({ ok: t.exposeBoolean("ok", { description: "True when a session was ended" }) }),
});

const WRONG_CREDENTIALS: TUserError = { field: null, message: "The email or password is incorrect", code: "INVALID_CREDENTIALS" };

/**
 * The new session's viewer. The rest of this response acts as the new session, read exactly
 * as a request carrying its access token would be, so `viewer { client { name } }` in the
 * payload is answered under the new principal's rules and tenant scope.
 */
async function viewerOf(tokens: SessionTokens, context: GraphQLContext): Promise<ViewerShape | null> {
  const principal = await principalFromAuthorization(context.database.prisma, context.auth, `Bearer ${tokens.accessToken}`);
  context.principal = principal;
  context.db = scopedPrisma(context.database.prisma, scopeOf(principal));
  return loadViewer(context, principal);
}

async function login(kind: "staff" | "client", input: { email: string; password: string }, context: GraphQLContext): Promise<SessionPayload> {
  const result = await signIn({ prisma: context.database.prisma, config: context.auth, kind, email: input.email, password: input.password, request: context.request });
  if (!result.ok) return { tokens: null, viewer: null, userErrors: [WRONG_CREDENTIALS] };
  return { tokens: result.tokens, viewer: await viewerOf(result.tokens, context), userErrors: [] };
}

builder.mutationFields((t) => ({
  login: t.field({
    type: SessionPayloadRef,
    description: "Staff sign-in (platform admins and partner staff)",
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: (_root, { input }, context) => login("staff", input, context),
  }),
  clientLogin: t.field({
    type: SessionPayloadRef,
    description: "Client portal sign-in (client users)",
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: (_root, { input }, context) => login("client", input, context),
  }),
  refreshSession: t.field({
    type: SessionPayloadRef,
    description: "Swaps a refresh token for a new access and refresh token. A refresh token used twice ends its session.",
    args: { input: t.arg({ type: RefreshSessionInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const tokens = await rotateRefreshToken({ prisma: context.database.prisma, config: context.auth, refreshToken: input.refreshToken });
      return { tokens, viewer: await viewerOf(tokens, context), userErrors: [] };
    },
  }),
  logout: t.field({
    type: LogoutPayloadRef,
    description: "Ends the current session (and, with allSessions, every session of the user)",
    args: { input: t.arg({ type: LogoutInput, required: false }) },
    resolve: async (_root, { input }, { principal, database }) => {
      if (principal.kind === "anonymous") return { ok: false };
      await revokeSession(database.prisma, principal.sessionId, "logout");
      if (input?.allSessions) {
        const owner = principal.kind === "staff" ? { staffUserId: principal.userId } : { clientUserId: principal.userId };
        await database.prisma.authSession.updateMany({ where: { ...owner, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "logout everywhere" } });
      }
      return { ok: true };
    },
  }),
}));

addRules({
  Mutation: { login: allow, clientLogin: allow, refreshSession: allow, logout: isAuthenticated },
  SessionPayload: { "*": allow },
  LogoutPayload: { "*": allow },
});
