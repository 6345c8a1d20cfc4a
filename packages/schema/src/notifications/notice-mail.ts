import { publicLink } from "../mail/mail-settings.js";
import { type MailBranding, type RenderedMail, renderMail } from "../mail/templates/layout.js";
import { PREFERENCES_PATH } from "./kinds.js";
import type { MailItem } from "./mail-batch.js";

/**
 * One email for the notices pending for one recipient on one topic: each notice's text,
 * why it was sent, and where to change it (a person's preferences, or the partner's addresses).
 */
export function noticeMail(input: { branding: MailBranding; items: readonly MailItem[]; audience: string; publicUrl: string }): RenderedMail {
  const { items, publicUrl } = input;
  const first = items[0]!;
  const several = items.length > 1;
  const forClient = input.audience === "CLIENT_USER";
  const preferences = publicLink(publicUrl, forClient ? PREFERENCES_PATH.CLIENT_USER : PREFERENCES_PATH.STAFF);
  const settings =
    input.audience === "ADDRESS"
      ? `A partner OWNER or ADMIN changes which addresses receive these at ${preferences}.`
      : `Choose which notifications you receive at ${preferences}.`;
  const reasons = [...new Set(items.map((item) => item.reason))];
  return renderMail(input.branding, {
    subject: several ? `${items.length} updates: ${first.title}` : first.title,
    heading: several ? `${items.length} updates` : first.title,
    paragraphs: items.flatMap((item) => (several ? [item.title, ...item.lines] : item.lines)),
    action: { label: first.link.includes("/tickets/") ? "Open the ticket" : "Open mspgraph", url: publicLink(publicUrl, first.link) },
    notes: [...reasons, settings],
  });
}
