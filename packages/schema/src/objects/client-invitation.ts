import type { Prisma } from "@mspgraph/db";
import { hashOpaqueToken, newOpaqueToken } from "../auth/opaque-tokens.js";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { type MailSettings, absoluteUrl } from "../mail/mail-settings.js";
import { cancelMail, enqueueMail } from "../mail/outbox.js";
import { clientInvitationLink, clientInvitationMail } from "../mail/templates/client-invitation.js";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The outbox topic of a client user's invitation mail, so a resend or revoke withdraws it. */
export const invitationTopic = (clientUserId: string) => `ClientUser:${clientUserId}:invitation`;

/** An invitation just issued: its link goes by mail, and back to the inviter only without SMTP. */
export type IssuedInvitation = { token: string; link: string; expiresAt: Date };

/**
 * Gives a client user a new one-time invitation (replacing any earlier link, which stops
 * working) and puts the email carrying it in the outbox, in their client's branding.
 * @param tx the unscoped transaction of the invite or resend (the caller checked the user is theirs)
 */
export async function issueClientInvitation(
  tx: Prisma.TransactionClient,
  options: { keyRing: KeyRing; mail: MailSettings; clientUserId: string; now?: Date },
): Promise<IssuedInvitation> {
  const token = newOpaqueToken("mspi");
  const expiresAt = new Date((options.now ?? new Date()).getTime() + INVITATION_TTL_MS);
  const user = await tx.clientUser.update({
    where: { id: options.clientUserId },
    data: { invitationTokenHash: hashOpaqueToken(token), invitationExpiresAt: expiresAt },
    select: { id: true, email: true, name: true, partnerId: true, partner: { select: { name: true } }, client: { select: { name: true, logoUrl: true, primaryColor: true, accentColor: true } } },
  });
  const link = clientInvitationLink(options.mail.publicUrl, token);
  const topic = invitationTopic(user.id);
  await cancelMail(tx, topic);
  await enqueueMail(tx, options.keyRing, {
    partnerId: user.partnerId,
    recipient: user.email,
    template: "client-invitation",
    topic,
    expiresAt,
    message: clientInvitationMail({
      branding: { partnerName: user.partner.name, client: { ...user.client, logoUrl: absoluteUrl(options.mail.publicUrl, user.client.logoUrl) } },
      inviteeName: user.name,
      link,
      expiresAt,
    }),
  });
  return { token, link, expiresAt };
}

/** Ends a client user's pending invitation: its link stops working and its unsent mail is withdrawn. */
export async function revokeClientInvitation(tx: Prisma.TransactionClient, clientUserId: string): Promise<void> {
  await tx.clientUser.update({ where: { id: clientUserId }, data: { invitationTokenHash: null, invitationExpiresAt: null } });
  await cancelMail(tx, invitationTopic(clientUserId));
}
