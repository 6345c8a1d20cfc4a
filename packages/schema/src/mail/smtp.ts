import nodemailer from "nodemailer";

/** Sends one message; resolves once the SMTP server accepted it. */
export type MailTransport = {
  send(message: { from: string; to: string; subject: string; text: string; html: string; messageId: string }): Promise<void>;
  close(): void;
};

/**
 * An SMTP transport (nodemailer) for MSPGRAPH_SMTP_URL, e.g. `smtp://user:pass@host:587`
 * (STARTTLS when the server offers it) or `smtps://user:pass@host:465`.
 * @remarks The timeouts keep one exchange well inside the worker's lease (MAIL_LEASE_MS).
 */
export function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  return {
    send: async (message) => {
      await transport.sendMail(message);
    },
    close: () => transport.close(),
  };
}

/**
 * The Message-ID of an outbox row, the same on every try: if a worker dies after the server
 * accepted a message but before recording it, the repeat carries the same id, which
 * receiving systems use to drop duplicates.
 */
export function messageIdOf(mailId: string, from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "mspgraph.invalid";
  return `<${mailId}@${domain}>`;
}

/** Checks MSPGRAPH_SMTP_URL's form: smtp: or smtps: with a host. */
export function checkSmtpUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error("must be a URL like smtp://user:pass@host:587");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("must start with smtp:// or smtps://");
  if (!url.hostname) throw new Error("must name the SMTP host");
  return text;
}

/**
 * A failed send, described for the outbox and the log: the SMTP reply or the network error,
 * never the message (its links) nor the server URL (its password).
 */
export function describeSendFailure(error: unknown, smtpUrl: string): string {
  const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  let text = [code, responseCode, message ?? String(error)].filter((part) => part !== undefined && part !== "").join(" ");
  const { username, password } = new URL(smtpUrl);
  for (const secret of [password, decodeURIComponent(password), username].filter((part) => part.length > 0)) text = text.split(secret).join("***");
  return text.slice(0, 500);
}
