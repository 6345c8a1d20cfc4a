import type { Database } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import type { Logger } from "../server/logger.js";
import { type ClaimedMail, MAIL_LEASE_MS, claimMail, expireMail, finishMail } from "./mail-queue.js";
import { mailBody } from "./outbox.js";
import { type MailTransport, describeSendFailure, messageIdOf, smtpTransport } from "./smtp.js";

export type MailWorkerOptions = {
  database: Database;
  keyRing: KeyRing;
  logger: Logger;
  /** MSPGRAPH_SMTP_URL; without it nothing is sent and mail waits in the outbox. */
  smtpUrl?: string;
  /** MSPGRAPH_MAIL_FROM. */
  from: string;
  /** At most this many messages per run (default 20). */
  batch?: number;
  /** How long a claim lasts (default MAIL_LEASE_MS). */
  leaseMs?: number;
  /** The clock (tests move it forward past a backoff). */
  now?: () => Date;
};

async function sendOne(options: MailWorkerOptions & { smtpUrl: string }, transport: MailTransport, mail: ClaimedMail, now: () => Date): Promise<void> {
  let failure: string | undefined;
  try {
    const body = mailBody(options.keyRing, mail);
    await transport.send({ from: options.from, to: mail.recipient, subject: mail.subject, messageId: messageIdOf(mail.id, options.from), ...body });
  } catch (error) {
    failure = describeSendFailure(error, options.smtpUrl);
  }
  const outcome = await finishMail(options.database.prisma, mail, now(), failure);
  // Ids and outcomes only: the recipient's link is in the body, which is never logged.
  const line = { mailId: mail.id, template: mail.template, attempt: mail.attempts, outcome };
  if (outcome === "LOST") options.logger.warn(line, "a mail's claim ran out while it was being sent");
  else if (failure) options.logger.warn({ ...line, error: failure }, "mail could not be sent");
  else options.logger.info(line, "mail sent");
}

/**
 * Sends the due mail of the outbox once: claims one message at a time (leased, so two
 * workers never send one message), sends it over SMTP and records SENT, a retry later with
 * backoff, or DEAD after the last try. Without an SMTP URL it sends nothing.
 * @returns how many messages it tried
 */
export async function processDueMail(options: MailWorkerOptions): Promise<number> {
  const { smtpUrl } = options;
  if (!smtpUrl) return 0;
  const now = options.now ?? (() => new Date());
  await expireMail(options.database.prisma, now());
  let transport: MailTransport | undefined;
  let tried = 0;
  try {
    while (tried < (options.batch ?? 20)) {
      const mail = await claimMail(options.database.prisma, now(), options.leaseMs ?? MAIL_LEASE_MS);
      if (!mail) break;
      transport ??= smtpTransport(smtpUrl);
      await sendOne({ ...options, smtpUrl }, transport, mail, now);
      tried++;
    }
  } finally {
    transport?.close();
  }
  return tried;
}

/** Polls the outbox until stopped; several API instances can run it side by side. */
export function startMailWorker(options: MailWorkerOptions & { intervalMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  if (!options.smtpUrl) options.logger.info("MSPGRAPH_SMTP_URL is not set: mail stays in the outbox and mutations return its links to the person who acted");
  const tick = async () => {
    if (stopped) return;
    running = processDueMail(options).catch((error: unknown) => {
      options.logger.error({ error: describeSendFailure(error, options.smtpUrl ?? "smtp://localhost") }, "mail worker failed");
      return 0;
    });
    const tried = await running;
    setTimeout(tick, tried === (options.batch ?? 20) ? 0 : (options.intervalMs ?? 5_000)).unref();
  };
  if (options.smtpUrl) setTimeout(tick, 0).unref();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
