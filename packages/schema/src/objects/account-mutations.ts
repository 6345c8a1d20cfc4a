import { hashPassword, verifyPassword } from "@mspgraph/db";
import { z } from "zod";
import { mfaRequired } from "../auth/mfa-challenge.js";
import { ZNewPassword } from "../auth/password-policy.js";
import { checkSecondFactor } from "../auth/second-factor.js";
import { type SessionIdentity, revokeSession } from "../auth/sessions.js";
import { MAX_FAILURES, MAX_IP_FAILURES, clearFailures, recordFailure, retryAfterSeconds, throttleKeys } from "../auth/throttle.js";
import { factorOwner } from "../auth/totp.js";
import { setAuditTarget } from "../audit/mutation-audit.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { apiError } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { isAuthenticated, isNotImpersonating } from "../rules/roles.js";
import { type TUserError, UserErrorRef, zodUserErrors } from "./user-error.js";
import { ViewerRef } from "./viewer.js";

type Me = { identity: SessionIdentity; email: string; passwordHash: string | null; sessionId: string };

/** The signed-in person's own account (the rules already refused API keys and impersonators). */
async function me(context: GraphQLContext): Promise<Me> {
  const { principal, database } = context;
  if (principal.kind === "staff") {
    const user = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: principal.userId } });
    setAuditTarget(context, { type: "StaffUser", id: user.id, partnerId: user.partnerId });
    return { identity: { subject: "STAFF", userId: user.id }, email: user.email, passwordHash: user.passwordHash, sessionId: principal.sessionId };
  }
  if (principal.kind !== "client") throw apiError("FORBIDDEN", "You are not allowed to do this");
  const user = await database.prisma.clientUser.findUniqueOrThrow({ where: { id: principal.userId } });
  setAuditTarget(context, { type: "ClientUser", id: user.id, partnerId: user.partnerId, clientId: user.clientId });
  return { identity: { subject: "CLIENT", userId: user.id, clientId: user.clientId }, email: user.email, passwordHash: user.passwordHash, sessionId: principal.sessionId };
}

/** The current password again, throttled with sign-in's counters so this is no side door for guessing. */
async function passwordMatches(context: GraphQLContext, user: Me, password: string): Promise<boolean> {
  const prisma = context.database.prisma;
  const keys = throttleKeys(user.identity.subject === "STAFF" ? "staff" : "client", user.email, context.request.ip);
  const wait = await retryAfterSeconds(prisma, [keys.account, keys.ip]);
  if (wait > 0) throw apiError("RATE_LIMITED", `Too many failed attempts: try again in ${wait} seconds`, { retryAfterSeconds: wait });
  if (user.passwordHash && (await verifyPassword(user.passwordHash, password))) {
    await clearFailures(prisma, keys.account);
    return true;
  }
  await recordFailure(prisma, keys.account, MAX_FAILURES);
  await recordFailure(prisma, keys.ip, MAX_IP_FAILURES);
  return false;
}

const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  fields: (t) => ({ currentPassword: t.string({ required: true }), newPassword: t.string({ required: true, description: "At least 12 characters, and not a common password" }) }),
});
const DisableTotpInput = builder.inputType("DisableTotpInput", {
  fields: (t) => ({ password: t.string({ required: true }), code: t.string({ required: true, description: "A current code of the authenticator app" }) }),
});
type AccountPayload = { ok: boolean; userErrors: TUserError[] };
const AccountPayloadRef = builder.objectRef<AccountPayload>("AccountPayload").implement({
  fields: (t) => ({ ok: t.exposeBoolean("ok"), userErrors: t.expose("userErrors", { type: [UserErrorRef] }) }),
});

const ZChangePassword = z.object({ newPassword: ZNewPassword });
const WRONG_PASSWORD = (field: string): TUserError => ({ field, message: "The password is incorrect", code: "INVALID_CREDENTIALS" });

builder.mutationFields((t) => ({
  changePassword: t.field({
    type: AccountPayloadRef,
    description: "Sets a new password and signs out every other session of the user",
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<AccountPayload> => {
      const prisma = context.database.prisma;
      const user = await me(context);
      const parsed = ZChangePassword.safeParse(input);
      if (!parsed.success) return { ok: false, userErrors: zodUserErrors(parsed.error) };
      if (!(await passwordMatches(context, user, input.currentPassword))) return { ok: false, userErrors: [WRONG_PASSWORD("currentPassword")] };
      const passwordHash = await hashPassword(parsed.data.newPassword);
      const owner = factorOwner(user.identity);
      if (user.identity.subject === "STAFF") await prisma.staffUser.update({ where: { id: user.identity.userId }, data: { passwordHash } });
      else await prisma.clientUser.update({ where: { id: user.identity.userId }, data: { passwordHash } });
      // Whoever else holds a session, or is halfway through signing in, may be there because they knew the old password.
      await prisma.mfaChallenge.updateMany({ where: { ...owner, usedAt: null }, data: { usedAt: new Date() } });
      const others = await prisma.authSession.findMany({ where: { ...owner, revokedAt: null, parentSessionId: null, id: { not: user.sessionId } }, select: { id: true } });
      const ended: string[] = [];
      for (const session of others) ended.push(...(await revokeSession(prisma, session.id, "password changed")));
      context.events.publish("sessionsEnded", { sessionIds: ended });
      return { ok: true, userErrors: [] };
    },
  }),
  disableTotp: t.field({
    type: AccountPayloadRef,
    description: "Turns the authenticator off (with the password and a current code); refused where MFA is required",
    args: { input: t.arg({ type: DisableTotpInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<AccountPayload> => {
      const prisma = context.database.prisma;
      const user = await me(context);
      if (await mfaRequired(prisma, user.identity)) return { ok: false, userErrors: [{ field: null, message: "A second factor is required for this account", code: "FORBIDDEN" }] };
      if (!(await passwordMatches(context, user, input.password))) return { ok: false, userErrors: [WRONG_PASSWORD("password")] };
      const ok = await checkSecondFactor({ prisma, ring: context.keyRing, identity: user.identity, request: context.request, factor: { code: input.code } });
      if (!ok) return { ok: false, userErrors: [{ field: "code", message: "The code is wrong or was already used", code: "INVALID_CODE" }] };
      await prisma.totpFactor.deleteMany({ where: factorOwner(user.identity) });
      return { ok: true, userErrors: [] };
    },
  }),
}));

// While impersonating these describe the real actor, whose account it is.
const actorIdentity = (context: GraphQLContext): SessionIdentity | null => {
  const { principal } = context;
  if (principal.kind !== "staff" && principal.kind !== "client") return null;
  if (principal.kind === "staff" || principal.impersonation) return { subject: "STAFF", userId: principal.impersonation?.actorId ?? principal.userId };
  return { subject: "CLIENT", userId: principal.userId, clientId: principal.clientId };
};

builder.objectFields(ViewerRef, (t) => ({
  totpEnabled: t.boolean({
    description: "An authenticator app is set up and confirmed",
    resolve: async (_viewer, _args, context) => {
      const identity = actorIdentity(context);
      return identity ? Boolean((await context.database.prisma.totpFactor.findUnique({ where: factorOwner(identity), select: { confirmedAt: true } }))?.confirmedAt) : false;
    },
  }),
  mfaRequired: t.boolean({
    description: "A second factor is required of this account (platform admins; staff of a partner that requires it), so it cannot be turned off",
    resolve: (_viewer, _args, context) => {
      const identity = actorIdentity(context);
      return identity ? mfaRequired(context.database.prisma, identity) : false;
    },
  }),
}));

addRules({
  Viewer: { totpEnabled: isAuthenticated, mfaRequired: isAuthenticated },
  Mutation: { changePassword: isNotImpersonating, disableTotp: isNotImpersonating },
  AccountPayload: { "*": allow },
});
