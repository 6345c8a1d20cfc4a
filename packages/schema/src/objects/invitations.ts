import { hashPassword } from "@mspgraph/db";
import { z } from "zod";
import { hashOpaqueToken } from "../auth/opaque-tokens.js";
import { ZNewPassword } from "../auth/password-policy.js";
import { recordAuditEvent } from "../audit/record.js";
import type { GraphQLContext } from "../context.js";
import type { MailSettings } from "../mail/mail-settings.js";
import type { IssuedInvitation } from "./client-invitation.js";
import { type TUserError, zodUserErrors } from "./user-error.js";

/**
 * What the inviter gets back of an invitation: nothing when it was emailed; without SMTP
 * (the embedded demo) its link, which the mail waiting in the outbox would have carried.
 */
export function handBack(mail: MailSettings, invitation: IssuedInvitation): { invitationToken?: string; invitationLink?: string } {
  return mail.delivers ? {} : { invitationToken: invitation.token, invitationLink: invitation.link };
}

/** The one answer to an unknown, used, revoked or expired token: the caller cannot tell them apart. */
export const INVALID_INVITATION: TUserError = { field: "token", message: "the invitation is invalid or has expired", code: "NOT_FOUND" };

const ZAcceptInvitationInput = z.object({ password: ZNewPassword });

/** The filter matching a token's pending, unexpired invitation. */
export const pendingInvitation = (token: string) => ({ invitationTokenHash: hashOpaqueToken(token), invitationExpiresAt: { gt: new Date() } });

type Invitee = { id: string; email: string; partnerId: string | null; clientId?: string | null };
type Where = ReturnType<typeof pendingInvitation>;

/**
 * Sets an invited user's password with their one-time token and audits the attempt
 * (`auth.invitation_accepted`, success or failure; never the token or the password).
 * @param account how to find the token's user and claim the invitation, on the unscoped database
 * @remarks The claim matches the token again, so two requests racing with one token set one password.
 */
export async function acceptInvitation(
  context: GraphQLContext,
  input: { token: string; password: string },
  account: {
    type: "StaffUser" | "ClientUser";
    find(where: Where): Promise<Invitee | null>;
    claim(id: string, where: Where, passwordHash: string): Promise<number>;
  },
): Promise<{ ok: boolean; userErrors: TUserError[] }> {
  const audit = (outcome: "SUCCESS" | "FAILURE", user?: Invitee) =>
    recordAuditEvent(context, {
      action: "auth.invitation_accepted",
      outcome,
      principal: context.principal,
      ...(user
        ? {
            subject: { label: user.email, id: user.id, partnerId: user.partnerId, clientId: user.clientId ?? null },
            target: { type: account.type, id: user.id, partnerId: user.partnerId, clientId: user.clientId ?? null },
          }
        : {}),
      request: context.request,
    });
  const parsed = ZAcceptInvitationInput.safeParse(input);
  if (!parsed.success) {
    await audit("FAILURE");
    return { ok: false, userErrors: zodUserErrors(parsed.error) };
  }
  const where = pendingInvitation(input.token);
  const user = await account.find(where);
  const passwordHash = await hashPassword(parsed.data.password);
  const count = user ? await account.claim(user.id, where, passwordHash) : 0;
  if (!user || count === 0) {
    await audit("FAILURE");
    return { ok: false, userErrors: [INVALID_INVITATION] };
  }
  await audit("SUCCESS", user);
  return { ok: true, userErrors: [] };
}
