import { publicLink } from "../mail-settings.js";
import { type MailBranding, type RenderedMail, renderMail } from "./layout.js";

/** The web pages where a staff member or a client user chooses a new password. */
export const RESET_PASSWORD_PATHS = { STAFF: "/reset-password", CLIENT: "/portal/reset-password" } as const;

/** The link a reset mail carries: the reset page of the user's side of the app, with the one-time token. */
export function passwordResetLink(publicUrl: string, subject: keyof typeof RESET_PASSWORD_PATHS, token: string): string {
  return publicLink(publicUrl, RESET_PASSWORD_PATHS[subject], { token });
}

/**
 * The email carrying a forgotten-password link, in the partner's name and, for a client
 * user (branding.client set), their client's branding.
 */
export function passwordResetMail(input: { branding: MailBranding; name: string; link: string; expiresAt: Date }): RenderedMail {
  const { branding } = input;
  const where = branding.client ? `${branding.client.name}'s portal at ${branding.partnerName}` : branding.partnerName;
  return renderMail(branding, {
    subject: `Reset your password for ${where}`,
    heading: `Hello ${input.name}`,
    paragraphs: [
      `Someone, hopefully you, asked to reset the password of your account at ${where}.`,
      "Follow the link below to choose a new password. Every device signed in to your account will then be signed out.",
    ],
    action: { label: "Choose a new password", url: input.link },
    notes: [
      `This link works once and until ${input.expiresAt.toUTCString()}. If it has run out, ask for a new one on the sign-in page.`,
      "If you did not ask for this, you can ignore this email: your password stays as it is.",
    ],
  });
}
