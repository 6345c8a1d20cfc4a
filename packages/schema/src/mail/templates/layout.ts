import { html, safeColor, safeImageUrl } from "./html.js";

/** Whose name a message goes out in: the partner's, and for client users their client's look. */
export type MailBranding = {
  partnerName: string;
  /** Set for mail to a client's users: their client's name, logo and colours. */
  client?: { name: string; logoUrl: string | null; primaryColor: string; accentColor: string };
};

/** What a message says, in plain words; the layout renders it as text and as HTML. */
export type MailContent = {
  subject: string;
  heading: string;
  paragraphs: readonly string[];
  /** The one button of the message and its link (also written out in full). */
  action: { label: string; url: string };
  /** Small print under the button. */
  notes: readonly string[];
};

/** A message ready for the outbox. */
export type RenderedMail = { subject: string; text: string; html: string };

const DEFAULT_PRIMARY = "#1f6feb";
const DEFAULT_ACCENT = "#f59e0b";

/** Renders `content` in the partner's name and, for client users, the client's branding. */
export function renderMail(branding: MailBranding, content: MailContent): RenderedMail {
  const primary = safeColor(branding.client?.primaryColor, DEFAULT_PRIMARY);
  const accent = safeColor(branding.client?.accentColor, DEFAULT_ACCENT);
  const logo = safeImageUrl(branding.client?.logoUrl);
  const title = branding.client ? `${branding.client.name} · ${branding.partnerName}` : branding.partnerName;
  const header = logo
    ? html`<img src="${logo}" alt="${branding.client?.name ?? branding.partnerName}" height="40" style="display:block;max-height:40px">`
    : html`<strong style="font-size:18px;color:${primary}">${title}</strong>`;
  const body = html`<!doctype html>
<html><head><meta charset="utf-8"><title>${content.subject}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa;font-family:Arial,Helvetica,sans-serif;color:#1f2328">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-top:4px solid ${primary};border-radius:6px">
<tr><td style="padding:24px">${header}</td></tr>
<tr><td style="padding:0 24px">
<h1 style="font-size:20px;margin:0 0 16px">${content.heading}</h1>
${content.paragraphs.map((paragraph) => html`<p style="margin:0 0 12px;line-height:1.5">${paragraph}</p>`)}
<p style="margin:24px 0"><a href="${content.action.url}" style="display:inline-block;padding:12px 20px;background:${primary};color:#ffffff;text-decoration:none;border-radius:6px;border-bottom:3px solid ${accent}">${content.action.label}</a></p>
<p style="margin:0 0 12px;font-size:13px;color:#59636e">If the button does not work, open this address: <a href="${content.action.url}" style="color:${primary}">${content.action.url}</a></p>
${content.notes.map((note) => html`<p style="margin:0 0 12px;font-size:13px;color:#59636e">${note}</p>`)}
</td></tr>
<tr><td style="padding:16px 24px;font-size:12px;color:#59636e">Sent by ${branding.partnerName}${branding.client ? html` for ${branding.client.name}` : ""}</td></tr>
</table></body></html>`;
  const text = [
    title,
    "",
    content.heading,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    `${content.action.label}: ${content.action.url}`,
    "",
    ...content.notes.flatMap((note) => [note, ""]),
    `Sent by ${branding.partnerName}${branding.client ? ` for ${branding.client.name}` : ""}`,
  ].join("\n");
  return { subject: content.subject, text, html: body.html };
}
