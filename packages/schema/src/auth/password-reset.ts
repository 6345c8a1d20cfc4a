import { type Database, hashPassword } from "@mspgraph/db";
import type { RequestInfo } from "../context.js";
import { cancelMail } from "../mail/outbox.js";
import { hashOpaqueToken } from "./opaque-tokens.js";
import { type ResetAccount, type ResetKind, passwordResetTopic, resetOwner } from "./password-reset-request.js";
import { clearFailures, throttleKeys } from "./throttle.js";

export type ResetResult = { ok: true; account: ResetAccount; endedSessionIds: string[] } | { ok: false; account: ResetAccount | null };

// Thrown inside the transaction when another request spent the token first: nothing is written.
class AlreadySpent extends Error {}

async function openReset(database: Database, token: string, now: Date) {
  const reset = await database.prisma.passwordReset.findUnique({
    where: { tokenHash: hashOpaqueToken(token) },
    include: {
      staffUser: { include: { partner: { select: { suspendedAt: true } } } },
      clientUser: { include: { partner: { select: { suspendedAt: true } }, client: { select: { archivedAt: true } } } },
    },
  });
  if (!reset) return null;
  const { staffUser: staff, clientUser: client } = reset;
  const kind: ResetKind = reset.subject;
  const account: ResetAccount | null = staff
    ? { id: staff.id, email: staff.email, partnerId: staff.partnerId, clientId: null }
    : client && { id: client.id, email: client.email, partnerId: client.partnerId, clientId: client.clientId };
  if (!account) return null;
  // Whoever may no longer sign in cannot set a password either (disabled, suspended, archived).
  const usable = staff ? !staff.disabledAt && !staff.partner?.suspendedAt : Boolean(client && !client.disabledAt && !client.partner.suspendedAt && !client.client.archivedAt);
  return { id: reset.id, kind, account, live: usable && !reset.usedAt && reset.expiresAt > now };
}

/**
 * Sets a new password with a reset token: the token works once (two requests racing with
 * it set one password), the user's every session ends, sign-ins halfway through their second
 * factor are cancelled, and their failed sign-ins are forgotten.
 * @remarks It signs nobody in: the user signs in with the new password and, where they have
 * one, their second factor, so a reset never bypasses MFA. The new password was checked
 * against the policy by the caller.
 */
export async function resetPassword(options: { database: Database; token: string; newPassword: string; request: RequestInfo; now?: Date }): Promise<ResetResult> {
  const { database } = options;
  const now = options.now ?? new Date();
  const reset = await openReset(database, options.token, now);
  if (!reset?.live) return { ok: false, account: reset?.account ?? null };
  const { kind, account } = reset;
  const passwordHash = await hashPassword(options.newPassword);
  const owner = resetOwner(kind, account.id);
  try {
    const endedSessionIds = await database.prisma.$transaction(async (tx) => {
      const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count !== 1) throw new AlreadySpent();
      if (kind === "STAFF") await tx.staffUser.update({ where: { id: account.id }, data: { passwordHash } });
      else await tx.clientUser.update({ where: { id: account.id }, data: { passwordHash } });
      await tx.passwordReset.deleteMany({ where: { ...owner, usedAt: null } });
      await cancelMail(tx, passwordResetTopic(kind, account.id));
      await tx.mfaChallenge.updateMany({ where: { ...owner, usedAt: null }, data: { usedAt: now } });
      // Impersonations a staff member started carry their id too, so they end with the rest.
      const sessions = await tx.authSession.findMany({ where: { ...owner, revokedAt: null }, select: { id: true } });
      await tx.authSession.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { revokedAt: now, revokedReason: "password reset" } });
      return sessions.map((s) => s.id);
    });
    await clearFailures(database.prisma, throttleKeys(kind === "STAFF" ? "staff" : "client", account.email, options.request.ip).account);
    return { ok: true, account, endedSessionIds };
  } catch (error) {
    if (error instanceof AlreadySpent) return { ok: false, account };
    throw error;
  }
}
