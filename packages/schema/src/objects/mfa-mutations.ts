import { type SessionIdentity, startSession } from "../auth/sessions.js";
import { checkSecondFactor } from "../auth/second-factor.js";
import { openMfaChallenge, spendMfaChallenge } from "../auth/mfa-challenge.js";
import { encryptTotpSecret, factorOwner, newRecoveryCodes, newTotpSecret } from "../auth/totp.js";
import { recordAuditEvent } from "../audit/record.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { forbidden, unauthenticated } from "../errors.js";
import { addRules, allow } from "../permissions.js";
import { type SessionPayload, SessionPayloadRef, viewerOf } from "./session-mutations.js";
import { type TUserError, UserErrorRef } from "./user-error.js";

const WRONG_CODE: TUserError = { field: "code", message: "The code is wrong or was already used", code: "INVALID_CODE" };

type Enrolling = { identity: SessionIdentity; email: string; partnerId: string | null; clientId: string | null; challengeId?: string };

/** Who is enrolling: the signed-in user, or (during a sign-in that requires MFA) the mfaToken's user. */
async function enrollingUser(context: GraphQLContext, mfaToken: string | null | undefined): Promise<Enrolling> {
  const { principal, database } = context;
  if (mfaToken) {
    const challenge = await openMfaChallenge(database.prisma, mfaToken, "ENROLL");
    return { ...challenge, challengeId: challenge.id };
  }
  if (principal.kind === "anonymous") throw unauthenticated();
  // A second factor belongs to the person: not to an API key or an impersonator.
  if (principal.kind === "apiKey" || principal.impersonation) throw forbidden();
  const identity: SessionIdentity = principal.kind === "staff" ? { subject: "STAFF", userId: principal.userId } : { subject: "CLIENT", userId: principal.userId, clientId: principal.clientId };
  return { identity, email: principal.actorEmail ?? "", partnerId: principal.partnerId, clientId: principal.kind === "client" ? principal.clientId : null };
}

const audit = (context: GraphQLContext, action: string, outcome: "SUCCESS" | "FAILURE", user: Omit<Enrolling, "identity"> & { identity: SessionIdentity }, error?: string) =>
  recordAuditEvent(context, {
    action,
    outcome,
    principal: context.principal,
    subject: { label: user.email, id: user.identity.userId, partnerId: user.partnerId, clientId: user.clientId },
    target: { type: user.identity.subject === "STAFF" ? "StaffUser" : "ClientUser", id: user.identity.userId, partnerId: user.partnerId, clientId: user.clientId },
    ...(error ? { metadata: { error } } : {}),
    request: context.request,
  });

const VerifyMfaInput = builder.inputType("VerifyMfaInput", {
  fields: (t) => ({
    mfaToken: t.string({ required: true, description: "From login or clientLogin" }),
    code: t.string({ required: false, description: "The 6-digit code of the authenticator app" }),
    recoveryCode: t.string({ required: false, description: "Instead of code: one of the recovery codes (each works once)" }),
  }),
});
const MfaTokenInput = builder.inputType("StartTotpEnrollmentInput", {
  fields: (t) => ({ mfaToken: t.string({ required: false, description: "When a sign-in answered mfaEnrollmentRequired; leave out when signed in" }) }),
});
const ConfirmTotpEnrollmentInput = builder.inputType("ConfirmTotpEnrollmentInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "A code the authenticator app shows for the new secret" }),
    mfaToken: t.string({ required: false, description: "When a sign-in answered mfaEnrollmentRequired: the sign-in finishes with a session" }),
  }),
});

type Enrollment = { secret: string | null; otpauthUrl: string | null; userErrors: TUserError[] };
const TotpEnrollmentPayloadRef = builder.objectRef<Enrollment>("TotpEnrollmentPayload").implement({
  description: "A new TOTP secret (SHA-1, 6 digits, 30 seconds): show otpauthUrl as a QR code; MFA is on only after confirmTotpEnrollment",
  fields: (t) => ({
    secret: t.exposeString("secret", { nullable: true, description: "Base32, for typing into an app that cannot scan" }),
    otpauthUrl: t.exposeString("otpauthUrl", { nullable: true }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

type Confirmation = { recoveryCodes: string[] | null; session: SessionPayload | null; userErrors: TUserError[] };
const ConfirmTotpEnrollmentPayloadRef = builder.objectRef<Confirmation>("ConfirmTotpEnrollmentPayload").implement({
  fields: (t) => ({
    recoveryCodes: t.exposeStringList("recoveryCodes", { nullable: true, description: "Ten one-time codes for a lost authenticator: shown this once, stored hashed" }),
    session: t.field({ type: SessionPayloadRef, nullable: true, description: "The new session, when enrolment finished a sign-in (mfaToken given)", resolve: (p) => p.session }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

builder.mutationFields((t) => ({
  verifyMfa: t.field({
    type: SessionPayloadRef,
    description: "Finishes a sign-in that answered mfaRequired, with a code or a recovery code; returns the session as login does",
    args: { input: t.arg({ type: VerifyMfaInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<SessionPayload> => {
      const prisma = context.database.prisma;
      const user = await openMfaChallenge(prisma, input.mfaToken, "VERIFY");
      const ok = await checkSecondFactor({ prisma, ring: context.keyRing, identity: user.identity, request: context.request, factor: input }).catch(async (error: unknown) => {
        await audit(context, "auth.mfa_verify", "FAILURE", user, "RATE_LIMITED");
        throw error;
      });
      if (!ok) {
        await audit(context, "auth.mfa_verify", "FAILURE", user, "INVALID_CODE");
        return { tokens: null, viewer: null, userErrors: [WRONG_CODE] };
      }
      await spendMfaChallenge(prisma, user.id);
      const tokens = await startSession({ prisma, config: context.auth, identity: user.identity, request: context.request });
      await audit(context, input.code ? "auth.mfa_verify" : "auth.mfa_recovery_code_used", "SUCCESS", user);
      return { tokens, viewer: await viewerOf(tokens, context), userErrors: [] };
    },
  }),
  startTotpEnrollment: t.field({
    type: TotpEnrollmentPayloadRef,
    description: "Starts setting up an authenticator app (or starts over, while not confirmed); MFA stays off until confirmTotpEnrollment",
    args: { input: t.arg({ type: MfaTokenInput, required: false }) },
    resolve: async (_root, { input }, context): Promise<Enrollment> => {
      const prisma = context.database.prisma;
      const user = await enrollingUser(context, input?.mfaToken);
      const owner = factorOwner(user.identity);
      const existing = await prisma.totpFactor.findUnique({ where: owner, select: { confirmedAt: true } });
      if (existing?.confirmedAt) {
        await audit(context, "auth.totp_enrollment_started", "FAILURE", user, "CONFLICT");
        return { secret: null, otpauthUrl: null, userErrors: [{ field: null, message: "An authenticator is already set up: disable it first", code: "CONFLICT" }] };
      }
      const { secret, otpauthUrl } = newTotpSecret(user.email);
      const stored = encryptTotpSecret(context.keyRing, user.identity, secret);
      // Only an unconfirmed factor is replaced, so a racing confirmation is never undone.
      await prisma.totpFactor.deleteMany({ where: { ...owner, confirmedAt: null } });
      await prisma.totpFactor.create({ data: { ...owner, secret: stored } });
      await audit(context, "auth.totp_enrollment_started", "SUCCESS", user);
      return { secret, otpauthUrl, userErrors: [] };
    },
  }),
  confirmTotpEnrollment: t.field({
    type: ConfirmTotpEnrollmentPayloadRef,
    description: "Turns MFA on with a code from the new secret, and returns ten recovery codes (shown once)",
    args: { input: t.arg({ type: ConfirmTotpEnrollmentInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<Confirmation> => {
      const prisma = context.database.prisma;
      const user = await enrollingUser(context, input.mfaToken);
      const ok = await checkSecondFactor({ prisma, ring: context.keyRing, identity: user.identity, request: context.request, factor: { code: input.code }, pending: true });
      if (!ok) {
        await audit(context, "auth.totp_enabled", "FAILURE", user, "INVALID_CODE");
        return { recoveryCodes: null, session: null, userErrors: [WRONG_CODE] };
      }
      if (user.challengeId) await spendMfaChallenge(prisma, user.challengeId);
      const { codes, hashes } = newRecoveryCodes();
      const factor = await prisma.totpFactor.update({ where: factorOwner(user.identity), data: { confirmedAt: new Date() } });
      await prisma.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ factorId: factor.id, codeHash })) });
      await audit(context, "auth.totp_enabled", "SUCCESS", user);
      if (!user.challengeId) return { recoveryCodes: codes, session: null, userErrors: [] };
      const tokens = await startSession({ prisma, config: context.auth, identity: user.identity, request: context.request });
      return { recoveryCodes: codes, session: { tokens, viewer: await viewerOf(tokens, context), userErrors: [] }, userErrors: [] };
    },
  }),
}));

// Reached before a session exists (with an mfaToken); the resolvers check the token or the caller.
addRules({
  Mutation: { verifyMfa: allow, startTotpEnrollment: allow, confirmTotpEnrollment: allow },
  TotpEnrollmentPayload: { "*": allow },
  ConfirmTotpEnrollmentPayload: { "*": allow },
});
