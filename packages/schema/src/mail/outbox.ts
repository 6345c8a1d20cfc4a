import { randomUUID } from "node:crypto";
import type { MailOutbox, Prisma, PrismaClient } from "@mspgraph/db";
import { type KeyRing, decryptJson, encryptJson } from "../crypto/credential-cipher.js";
import type { RenderedMail } from "./templates/layout.js";

/** A client or an interactive transaction's client, unscoped (the outbox is not tenant-readable). */
export type MailWriter = PrismaClient | Prisma.TransactionClient;

export type EnqueueMail = {
  /** The partner the mail is sent for; null for platform mail. */
  partnerId: string | null;
  recipient: string;
  /** The template's name, e.g. "client-invitation" (kept for support; the body is not). */
  template: string;
  message: RenderedMail;
  /** What the mail is about, e.g. `ClientUser:<id>`: cancelMail(topic) withdraws it. */
  topic?: string;
  /** Not sent after this (the end of a link's life). */
  expiresAt?: Date;
};

// The ciphertext is bound to its row: a body copied onto another row does not decrypt.
const bodyAad = (id: string) => `MailOutbox:${id}`;

/**
 * Puts a message in the outbox; the background worker sends it (processDueMail).
 * @param tx the transaction of the act that causes the mail, so both are stored or neither
 * @remarks The body is encrypted under the key ring's active key and erased once sent, so
 * the one-time links it carries do not stay in the database. Keep a rotated-out key in
 * MSPGRAPH_ENCRYPTION_KEYS until the outbox has no pending mail under it.
 * @returns the outbox row's id
 */
export async function enqueueMail(tx: MailWriter, keyRing: KeyRing, mail: EnqueueMail): Promise<string> {
  const id = randomUUID();
  const body = { text: mail.message.text, html: mail.message.html };
  await tx.mailOutbox.create({
    data: {
      id,
      partnerId: mail.partnerId,
      recipient: mail.recipient,
      template: mail.template,
      subject: mail.message.subject,
      topic: mail.topic ?? null,
      bodyCiphertext: encryptJson(keyRing, body, bodyAad(id)),
      expiresAt: mail.expiresAt ?? null,
      // Written from this clock, as the worker compares with it (not the database's zone).
      nextAttemptAt: new Date(),
    },
  });
  return id;
}

/**
 * Withdraws the unsent mail about `topic` (a revoked or re-sent invitation) and erases its bodies.
 * @returns how many messages were withdrawn; one already being sent is not stopped
 */
export async function cancelMail(tx: MailWriter, topic: string): Promise<number> {
  const { count } = await tx.mailOutbox.updateMany({
    where: { topic, status: "PENDING" },
    data: { status: "CANCELLED", bodyCiphertext: null, lockedUntil: null },
  });
  return count;
}

/** The text and HTML of a stored message (for the worker). */
export function mailBody(keyRing: KeyRing, row: Pick<MailOutbox, "id" | "bodyCiphertext">): { text: string; html: string } {
  if (!row.bodyCiphertext) throw new Error("the message body was erased");
  return decryptJson<{ text: string; html: string }>(keyRing, row.bodyCiphertext, bodyAad(row.id));
}
