import { publicLink } from "../mail-settings.js";
import { type RenderedMail, renderMail } from "./layout.js";

/** The web page where an invited staff member sets a password. */
export const ACCEPT_STAFF_INVITATION_PATH = "/accept-invitation";

/** The link a staff invitation carries: the accept page with the one-time token. */
export function staffInvitationLink(publicUrl: string, token: string): string {
  return publicLink(publicUrl, ACCEPT_STAFF_INVITATION_PATH, { token });
}

/** The email inviting someone to a partner's staff, in the partner's name. */
export function staffInvitationMail(input: {
  partnerName: string;
  inviteeName: string;
  /** Who invited them: a colleague's name, or "the platform" for a new partner's first owner. */
  inviterName: string;
  role: string;
  link: string;
  expiresAt: Date;
}): RenderedMail {
  const role = input.role.toLowerCase();
  return renderMail(
    { partnerName: input.partnerName },
    {
      subject: `You are invited to join ${input.partnerName} on mspgraph`,
      heading: `Welcome, ${input.inviteeName}`,
      paragraphs: [
        `${input.inviterName} has invited you to ${input.partnerName}'s team on mspgraph, as ${role === "admin" || role === "owner" ? "an" : "a"} ${role}.`,
        "Choose your password to finish setting up your account.",
      ],
      action: { label: "Set your password", url: input.link },
      notes: [
        `This link works once and until ${input.expiresAt.toUTCString()}. If it has run out, ask for a new one.`,
        "If you did not expect this invitation, you can ignore this email.",
      ],
    },
  );
}
