import { builder } from "../builder.js";
import { revokeSession, rotateRefreshToken } from "../auth/sessions.js";
import { signIn } from "../auth/sign-in.js";
import { PARTNER_SUSPENDED, SUSPENDED_MESSAGE } from "../auth/suspension.js";
import type { SessionTokens } from "../auth/sessions.js";
import type { MfaStep } from "../auth/mfa-challenge.js";
import { type GraphQLContext, actAs } from "../context.js";
import { forbidden } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { recordAuditEvent } from "../audit/record.js";
import { isPerson } from "../rules/roles.js";
import { type TUserError, UserErrorRef } from "./user-error.js";
import { type ViewerShape, ViewerRef, loadViewer } from "./viewer.js";

export type SessionPayload = { tokens: SessionTokens | null; viewer: ViewerShape | null; userErrors: TUserError[]; mfa?: MfaStep };

export const SessionPayloadRef = builder.objectRef<SessionPayload>("SessionPayload").implement({
  description:
    "A new session: send `accessToken` as `Authorization: Bearer`; swap `refreshToken` for a new pair before `expiresAt`. A user with a second factor gets no tokens yet but `mfaRequired` and an `mfaToken` for verifyMfa.",
  fields: (t) => ({
    mfaRequired: t.boolean({ description: "The password was right: finish with verifyMfa and a code", resolve: (p) => p.mfa?.purpose === "VERIFY" }),
    mfaEnrollmentRequired: t.boolean({
      description: "The password was right, but a second factor is required and not set up: enrol with startTotpEnrollment and confirmTotpEnrollment, passing mfaToken",
      resolve: (p) => p.mfa?.purpose === "ENROLL",
    }),
    mfaToken: t.string({ nullable: true, description: "Short-lived and single use; not an access token", resolve: (p) => p.mfa?.mfaToken ?? null }),
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
const SUSPENDED: TUserError = { field: null, message: SUSPENDED_MESSAGE, code: PARTNER_SUSPENDED };

/**
 * The new session's viewer. The rest of this response acts as the new session, read exactly
 * as a request carrying its access token would be, so `viewer { client { name } }` in the
 * payload is answered under the new principal's rules and tenant scope.
 */
export async function viewerOf(tokens: SessionTokens, context: GraphQLContext): Promise<ViewerShape | null> {
  return loadViewer(context, await actAs(context, tokens.accessToken));
}

async function login(kind: "staff" | "client", input: { email: string; password: string }, context: GraphQLContext): Promise<SessionPayload> {
  const prisma = context.database.prisma;
  const action = kind === "staff" ? "auth.login" : "auth.client_login";
  const result = await signIn({ prisma, config: context.auth, kind, email: input.email, password: input.password, request: context.request }).catch(async (error: unknown) => {
    await recordAuditEvent(context, { action, outcome: "FAILURE", principal: context.principal, subject: { label: input.email }, metadata: { error: "RATE_LIMITED" }, request: context.request });
    throw error;
  });
  if (!result.ok) {
    const metadata = result.suspended ? { error: PARTNER_SUSPENDED } : undefined;
    await recordAuditEvent(context, { action, outcome: "FAILURE", principal: context.principal, subject: { label: input.email, ...result.account }, metadata, request: context.request });
    return { tokens: null, viewer: null, userErrors: [result.suspended ? SUSPENDED : WRONG_CREDENTIALS] };
  }
  if ("mfa" in result) {
    const metadata = { mfa: result.mfa.purpose === "VERIFY" ? "code required" : "enrolment required" };
    await recordAuditEvent(context, { action, outcome: "SUCCESS", principal: context.principal, subject: { label: input.email, id: result.identity.userId }, metadata, request: context.request });
    return { tokens: null, viewer: null, userErrors: [], mfa: result.mfa };
  }
  const viewer = await viewerOf(result.tokens, context);
  await recordAuditEvent(context, { action, outcome: "SUCCESS", principal: context.principal, subject: { label: viewer?.email ?? input.email }, request: context.request });
  return { tokens: result.tokens, viewer, userErrors: [] };
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
      const prisma = context.database.prisma;
      const tokens = await rotateRefreshToken({
        prisma,
        config: context.auth,
        refreshToken: input.refreshToken,
        onReuse: async (session) => {
          const staff = session.staffUserId ? await prisma.staffUser.findUnique({ where: { id: session.staffUserId } }) : null;
          const client = session.clientUserId ? await prisma.clientUser.findUnique({ where: { id: session.clientUserId } }) : null;
          const user = staff ?? client;
          await recordAuditEvent(context, {
            action: "auth.refresh_token_reused",
            outcome: "FAILURE",
            principal: context.principal,
            subject: { label: user?.email ?? "unknown", id: user?.id ?? null, partnerId: user?.partnerId ?? null, clientId: client?.clientId ?? null },
            target: { type: "AuthSession", id: session.id, partnerId: user?.partnerId ?? null, clientId: client?.clientId ?? null },
            metadata: { sessionRevoked: true },
            request: context.request,
          });
        },
      });
      return { tokens, viewer: await viewerOf(tokens, context), userErrors: [] };
    },
  }),
  logout: t.field({
    type: LogoutPayloadRef,
    description: "Ends the current session (and, with allSessions, every session of the user)",
    args: { input: t.arg({ type: LogoutInput, required: false }) },
    resolve: async (_root, { input }, context) => {
      const { principal, database, request, events } = context;
      if (principal.kind !== "staff" && principal.kind !== "client") return { ok: false };
      if (input?.allSessions && principal.impersonation) throw forbidden();
      const ended = await revokeSession(database.prisma, principal.sessionId, "logout");
      if (input?.allSessions) {
        const owner = principal.kind === "staff" ? { staffUserId: principal.userId } : { clientUserId: principal.userId };
        const sessions = await database.prisma.authSession.findMany({ where: { ...owner, revokedAt: null }, select: { id: true } });
        for (const session of sessions) ended.push(...(await revokeSession(database.prisma, session.id, "logout everywhere")));
      }
      events.publish("sessionsEnded", { sessionIds: ended });
      await recordAuditEvent(context, { action: "auth.logout", outcome: "SUCCESS", principal, metadata: { allSessions: Boolean(input?.allSessions) }, request });
      return { ok: true };
    },
  }),
}));

addRules({
  Mutation: { login: allow, clientLogin: allow, refreshSession: allow, logout: isPerson },
  SessionPayload: { "*": allow },
  LogoutPayload: { "*": allow },
});
