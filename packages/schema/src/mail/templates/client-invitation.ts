import { publicLink } from "../mail-settings.js";
import { type MailBranding, type RenderedMail, renderMail } from "./layout.js";

/** The portal page where an invited client user sets a password. */
export const ACCEPT_INVITATION_PATH = "/portal/accept-invitation";

/** The link an invitation carries: the portal's accept page with the one-time token. */
export function clientInvitationLink(publicUrl: string, token: string): string {
  return publicLink(publicUrl, ACCEPT_INVITATION_PATH, { token });
}

/** The email inviting a client user to their client's portal, in their client's branding. */
export function clientInvitationMail(input: {
  branding: MailBranding & { client: NonNullable<MailBranding["client"]> };
  inviteeName: string;
  link: string;
  expiresAt: Date;
}): RenderedMail {
  const { branding } = input;
  return renderMail(branding, {
    subject: `You are invited to ${branding.client.name}'s portal at ${branding.partnerName}`,
    heading: `Welcome, ${input.inviteeName}`,
    paragraphs: [
      `${branding.partnerName} looks after ${branding.client.name}'s IT and has invited you to its client portal, where you can follow tickets, alerts and backups.`,
      "Choose your password to finish setting up your account.",
    ],
    action: { label: "Set your password", url: input.link },
    notes: [
      `This link works once and until ${input.expiresAt.toUTCString()}. If it has run out, ask your IT provider to send a new one.`,
      "If you did not expect this invitation, you can ignore this email.",
    ],
  });
}
