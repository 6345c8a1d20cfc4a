import { z } from "zod";
import { resetPassword } from "../auth/password-reset.js";
import { type ResetAccount, requestPasswordReset } from "../auth/password-reset-request.js";
import { ZNewPassword } from "../auth/password-policy.js";
import { normalizeEmail } from "../auth/sign-in.js";
import { recordAuditEvent } from "../audit/record.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { addRules, allow } from "../permissions.js";
import { type TUserError, UserErrorRef, zodUserErrors } from "./user-error.js";

const PasswordResetKindEnum = builder.enumType("PasswordResetKind", {
  values: { STAFF: { description: "Partner staff and platform admins (the /login page)" }, CLIENT: { description: "Client users (the client portal)" } } as const,
});

const RequestPasswordResetInput = builder.inputType("RequestPasswordResetInput", {
  fields: (t) => ({ email: t.string({ required: true }), kind: t.field({ type: PasswordResetKindEnum, required: true, description: "Which sign-in the account belongs to" }) }),
});
const ResetPasswordInput = builder.inputType("ResetPasswordInput", {
  fields: (t) => ({
    token: t.string({ required: true, description: "The token of the emailed link" }),
    newPassword: t.string({ required: true, description: "At least 12 characters, and not a common password" }),
  }),
});

type Payload = { ok: boolean; userErrors: TUserError[] };
const RequestPasswordResetPayloadRef = builder.objectRef<Payload>("RequestPasswordResetPayload").implement({
  description: "The same answer whether or not the email names an account",
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { description: "True for every well-formed email: a link is emailed only if it names an account that signs in with a password" }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});
const ResetPasswordPayloadRef = builder.objectRef<Payload>("ResetPasswordPayload").implement({
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { description: "True when the password was set and every session of the user ended; sign in again (with the second factor, if any)" }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const ZRequestInput = z.object({ email: z.string().trim().toLowerCase().email("must be an email address").max(320) });
const ZResetInput = z.object({ newPassword: ZNewPassword });
const INVALID_LINK: TUserError = { field: "token", message: "The link is invalid, already used or expired: ask for a new one", code: "NOT_FOUND" };

// The person a reset is about, where one is known (anonymous callers name nobody else).
const subjectOf = (account: ResetAccount | null, label: string) => (account ? { label: account.email, id: account.id, partnerId: account.partnerId, clientId: account.clientId } : { label });
const targetOf = (kind: "STAFF" | "CLIENT", account: ResetAccount) => ({ type: kind === "STAFF" ? "StaffUser" : "ClientUser", id: account.id, partnerId: account.partnerId, clientId: account.clientId });

async function request(input: { email: string; kind: "STAFF" | "CLIENT" }, context: GraphQLContext): Promise<Payload> {
  const parsed = ZRequestInput.safeParse(input);
  if (!parsed.success) return { ok: false, userErrors: zodUserErrors(parsed.error) };
  const email = normalizeEmail(parsed.data.email);
  const audit = (outcome: "SUCCESS" | "FAILURE", account: ResetAccount | null, metadata: Record<string, unknown>) =>
    recordAuditEvent(context, {
      action: "auth.password_reset_requested",
      outcome,
      principal: context.principal,
      subject: subjectOf(account, email),
      ...(account ? { target: targetOf(input.kind, account) } : {}),
      metadata: { kind: input.kind, ...metadata },
      request: context.request,
    });
  const { database, keyRing, mail } = context;
  const outcome = await requestPasswordReset({ database, keyRing, mail, kind: input.kind, email, request: context.request }).catch(async (error: unknown) => {
    await audit("FAILURE", null, { error: "RATE_LIMITED" });
    throw error;
  });
  await audit(outcome.mailed ? "SUCCESS" : "FAILURE", outcome.account, { mailed: outcome.mailed, ...(outcome.mailed ? {} : { error: outcome.reason }) });
  return { ok: true, userErrors: [] };
}

async function reset(input: { token: string; newPassword: string }, context: GraphQLContext): Promise<Payload> {
  const audit = (outcome: "SUCCESS" | "FAILURE", account: ResetAccount | null, metadata: Record<string, unknown> = {}) =>
    recordAuditEvent(context, {
      action: "auth.password_reset",
      outcome,
      principal: context.principal,
      ...(account ? { subject: subjectOf(account, account.email), target: targetOf(account.clientId ? "CLIENT" : "STAFF", account) } : {}),
      metadata,
      request: context.request,
    });
  const parsed = ZResetInput.safeParse(input);
  if (!parsed.success) {
    await audit("FAILURE", null, { error: "BAD_USER_INPUT" });
    return { ok: false, userErrors: zodUserErrors(parsed.error) };
  }
  const result = await resetPassword({ database: context.database, token: input.token, newPassword: parsed.data.newPassword, request: context.request });
  if (!result.ok) {
    await audit("FAILURE", result.account, { error: INVALID_LINK.code });
    return { ok: false, userErrors: [INVALID_LINK] };
  }
  context.events.publish("sessionsEnded", { sessionIds: result.endedSessionIds });
  await audit("SUCCESS", result.account, { sessionsEnded: result.endedSessionIds.length });
  return { ok: true, userErrors: [] };
}

builder.mutationFields((t) => ({
  requestPasswordReset: t.field({
    type: RequestPasswordResetPayloadRef,
    description:
      "Forgotten password: emails a one-time link, valid 30 minutes, to choose a new password. Answers the same whether or not the email names an account; at most 3 mails per address an hour, and RATE_LIMITED after 20 requests an hour from one IP address.",
    args: { input: t.arg({ type: RequestPasswordResetInput, required: true }) },
    resolve: (_root, { input }, context) => request(input, context),
  }),
  resetPassword: t.field({
    type: ResetPasswordPayloadRef,
    description: "Sets a new password with the token of a reset link (once) and ends every session of the user. Signs nobody in.",
    args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
    resolve: (_root, { input }, context) => reset(input, context),
  }),
}));

addRules({
  Mutation: { requestPasswordReset: allow, resetPassword: allow },
  RequestPasswordResetPayload: { "*": allow },
  ResetPasswordPayload: { "*": allow },
});
