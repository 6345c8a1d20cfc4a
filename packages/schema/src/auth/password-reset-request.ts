import type { Database, PrismaClient } from "@mspgraph/db";
import type { RequestInfo } from "../context.js";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { apiError } from "../errors.js";
import { type MailSettings, absoluteUrl } from "../mail/mail-settings.js";
import type { MailBranding } from "../mail/templates/layout.js";
import { cancelMail, enqueueMail } from "../mail/outbox.js";
import { passwordResetLink, passwordResetMail } from "../mail/templates/password-reset.js";
import { addressGroup } from "../server/client-ip.js";
import { spendBudget } from "../server/limits/budget.js";
import { hashOpaqueToken, newOpaqueToken } from "./opaque-tokens.js";

export type ResetKind = "STAFF" | "CLIENT";

/** How long a reset link works. */
export const RESET_TTL_MS = 30 * 60 * 1000;
/** Reset mails one address may receive in an hour; requests beyond it send nothing, silently. */
export const MAX_RESET_MAILS_PER_ADDRESS = 3;
/** Reset requests one IP address (an IPv6 /64) may make in an hour, for any addresses. */
export const MAX_RESET_REQUESTS_PER_IP = 20;

const RESET_TOKEN_PREFIX = "mspw";
// Matches no user: the "no account" path runs the same statements as the real one.
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** The outbox topic of a user's reset mail, so a newer request or a reset withdraws an unsent one. */
export const passwordResetTopic = (kind: ResetKind, userId: string) => `${kind === "STAFF" ? "StaffUser" : "ClientUser"}:${userId}:password-reset`;
export const resetOwner = (kind: ResetKind, userId: string) => (kind === "STAFF" ? { staffUserId: userId } : { clientUserId: userId });

/** Who a reset is about, for the audit trail only (never for the answer). */
export type ResetAccount = { id: string; email: string; partnerId: string | null; clientId: string | null };
type Candidate = ResetAccount & { name: string; mailable: boolean; branding: MailBranding };

async function findCandidate(prisma: PrismaClient, kind: ResetKind, email: string, publicUrl: string): Promise<Candidate | null> {
  if (kind === "STAFF") {
    const user = await prisma.staffUser.findUnique({ where: { email }, include: { partner: { select: { name: true, suspendedAt: true } } } });
    if (!user) return null;
    const mailable = Boolean(user.passwordHash) && !user.disabledAt && !user.partner?.suspendedAt;
    return { id: user.id, email: user.email, name: user.name, partnerId: user.partnerId, clientId: null, mailable, branding: { partnerName: user.partner?.name ?? "mspgraph" } };
  }
  const user = await prisma.clientUser.findUnique({
    where: { email },
    include: { partner: { select: { name: true, suspendedAt: true } }, client: { select: { name: true, logoUrl: true, primaryColor: true, accentColor: true, archivedAt: true } } },
  });
  if (!user) return null;
  const { archivedAt, ...client } = user.client;
  const mailable = Boolean(user.passwordHash) && !user.disabledAt && !user.partner.suspendedAt && !archivedAt;
  const branding = { partnerName: user.partner.name, client: { ...client, logoUrl: absoluteUrl(publicUrl, client.logoUrl) } };
  return { id: user.id, email: user.email, name: user.name, partnerId: user.partnerId, clientId: user.clientId, mailable, branding };
}

/** What happened, for the audit trail: the caller's answer never depends on it. */
export type ResetRequestOutcome = { account: ResetAccount | null; mailed: boolean; reason: "mailed" | "no account" | "not eligible" | "address throttled" };

/**
 * Emails a one-time link (30 minutes) to choose a new password, if `email` names an account
 * of that kind that may sign in with a password; otherwise does nothing, silently.
 * @remarks The caller answers the same in every case (no account enumeration). The throttle
 * writes, the lookup and the withdrawal of earlier links run for every address, known or
 * not, so the time taken differs only by the two inserts of a real request. Throws
 * RATE_LIMITED when the IP address made too many requests, whatever the addresses.
 */
export async function requestPasswordReset(options: {
  database: Database;
  keyRing: KeyRing;
  mail: MailSettings;
  kind: ResetKind;
  email: string;
  request: RequestInfo;
  now?: Date;
}): Promise<ResetRequestOutcome> {
  const { database, kind, email, mail } = options;
  const prisma = database.prisma;
  const byIp = await spendBudget(database, `password-reset:ip:${addressGroup(options.request.ip)}`, 1, MAX_RESET_REQUESTS_PER_IP);
  if (!byIp.allowed) {
    const wait = Math.max(1, Math.ceil((byIp.state.resetAt.getTime() - Date.now()) / 1000));
    throw apiError("RATE_LIMITED", `Too many password reset requests: try again in ${wait} seconds`, { retryAfterSeconds: wait });
  }
  const byAddress = await spendBudget(database, `password-reset:address:${kind}:${email}`, 1, MAX_RESET_MAILS_PER_ADDRESS);
  const candidate = await findCandidate(prisma, kind, email, mail.publicUrl);
  const recipient = candidate?.mailable && byAddress.allowed ? candidate : null;
  const userId = candidate?.id ?? NOBODY;
  const now = options.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    // A newer request withdraws the earlier link: only the latest one works.
    await tx.passwordReset.deleteMany({ where: { ...resetOwner(kind, recipient ? userId : NOBODY), usedAt: null } });
    await cancelMail(tx, passwordResetTopic(kind, recipient ? userId : NOBODY));
    if (!recipient) return;
    const token = newOpaqueToken(RESET_TOKEN_PREFIX);
    const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
    await tx.passwordReset.create({ data: { tokenHash: hashOpaqueToken(token), subject: kind, ...resetOwner(kind, userId), requestedIp: options.request.ip, expiresAt } });
    const link = passwordResetLink(mail.publicUrl, kind, token);
    await enqueueMail(tx, options.keyRing, {
      partnerId: recipient.partnerId,
      recipient: recipient.email,
      template: "password-reset",
      topic: passwordResetTopic(kind, userId),
      expiresAt,
      message: passwordResetMail({ branding: recipient.branding, name: recipient.name, link, expiresAt }),
    });
  });
  const account = candidate && { id: candidate.id, email: candidate.email, partnerId: candidate.partnerId, clientId: candidate.clientId };
  const reason = recipient ? "mailed" : !candidate ? "no account" : !candidate.mailable ? "not eligible" : "address throttled";
  return { account, mailed: Boolean(recipient), reason };
}
