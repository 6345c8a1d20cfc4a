import type { Prisma } from "@mspgraph/db";
import { hashOpaqueToken, newOpaqueToken } from "../auth/opaque-tokens.js";
import type { KeyRing } from "../crypto/credential-cipher.js";
import type { MailSettings } from "../mail/mail-settings.js";
import { cancelMail, enqueueMail } from "../mail/outbox.js";
import { staffInvitationLink, staffInvitationMail } from "../mail/templates/staff-invitation.js";
import { INVITATION_TTL_MS, type IssuedInvitation } from "./client-invitation.js";

/** The outbox topic of a staff member's invitation mail, so a resend or revoke withdraws it. */
export const staffInvitationTopic = (staffUserId: string) => `StaffUser:${staffUserId}:invitation`;

/**
 * Gives a staff member (without a password yet) a new one-time invitation, valid 7 days,
 * replacing any earlier link, and puts the email carrying it in the outbox.
 * @param tx the unscoped transaction of the invite or resend (the caller checked the user is theirs)
 * @param options.inviterName the colleague who invited them, shown in the mail
 */
export async function issueStaffInvitation(
  tx: Prisma.TransactionClient,
  options: { keyRing: KeyRing; mail: MailSettings; staffUserId: string; inviterName: string; now?: Date },
): Promise<IssuedInvitation> {
  const token = newOpaqueToken("mspi");
  const expiresAt = new Date((options.now ?? new Date()).getTime() + INVITATION_TTL_MS);
  const user = await tx.staffUser.update({
    where: { id: options.staffUserId },
    data: { invitationTokenHash: hashOpaqueToken(token), invitationExpiresAt: expiresAt },
    select: { id: true, email: true, name: true, role: true, partnerId: true, partner: { select: { name: true } } },
  });
  const link = staffInvitationLink(options.mail.publicUrl, token);
  const topic = staffInvitationTopic(user.id);
  await cancelMail(tx, topic);
  await enqueueMail(tx, options.keyRing, {
    partnerId: user.partnerId,
    recipient: user.email,
    template: "staff-invitation",
    topic,
    expiresAt,
    message: staffInvitationMail({
      partnerName: user.partner?.name ?? "mspgraph",
      inviteeName: user.name,
      inviterName: options.inviterName,
      role: user.role,
      link,
      expiresAt,
    }),
  });
  return { token, link, expiresAt };
}

/** Ends a staff member's pending invitation: its link stops working and its unsent mail is withdrawn. */
export async function revokeStaffInvitation(tx: Prisma.TransactionClient, staffUserId: string): Promise<void> {
  await tx.staffUser.update({ where: { id: staffUserId }, data: { invitationTokenHash: null, invitationExpiresAt: null } });
  await cancelMail(tx, staffInvitationTopic(staffUserId));
}
