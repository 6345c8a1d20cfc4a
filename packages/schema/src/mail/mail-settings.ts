/**
 * How the API sends mail, read once from the environment (apps/api's env.ts).
 * @remarks The SMTP URL carries a password: it goes to the worker only, never into a
 * request's context; resolvers see only whether mail is delivered.
 */
export type MailSettings = {
  /** The web app's address (MSPGRAPH_PUBLIC_URL); every link in a message starts with it. */
  publicUrl: string;
  /** The From header (MSPGRAPH_MAIL_FROM). */
  from: string;
  /**
   * True when an SMTP server is configured (MSPGRAPH_SMTP_URL). Without one, mail stays in
   * the outbox and mutations hand the link back to the staff or client admin who acted.
   */
  delivers: boolean;
};

/** The embedded demo's settings: no SMTP, links to the web app on this machine. */
export const DEMO_MAIL: MailSettings = { publicUrl: "http://localhost:3000", from: "mspgraph <no-reply@localhost>", delivers: false };

/**
 * A link into the web app: `path` under the public URL, with `params` as its query.
 * @param publicUrl MSPGRAPH_PUBLIC_URL; a path in it (a sub-directory install) is kept
 */
export function publicLink(publicUrl: string, path: string, params: Record<string, string> = {}): string {
  const base = new URL(publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`);
  const url = new URL(path.replace(/^\//, ""), base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** A stored address as a mail needs it: a site path (a client's `/logos/…`) under the public URL. */
export function absoluteUrl(publicUrl: string, value: string | null): string | null {
  if (!value) return null;
  return value.startsWith("/") && !value.startsWith("//") ? publicLink(publicUrl, value) : value;
}
