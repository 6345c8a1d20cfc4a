import type { PrismaClient } from "@mspgraph/db";
import { addressGroup } from "../server/client-ip.js";

/** After this many failures within the window, sign-in is refused for a while. */
export const MAX_FAILURES = 5;
/**
 * An IP may fail more often than one account: an office behind one NAT address shares it.
 * Still low enough to stop a password spray from one address.
 */
export const MAX_IP_FAILURES = 20;
export const WINDOW_MS = 15 * 60 * 1000;
const FIRST_LOCK_MS = 60 * 1000;
const MAX_LOCK_MS = 60 * 60 * 1000;

export const throttleKeys = (kind: "staff" | "client", email: string, ip: string) => ({
  account: `account:${kind}:${email.toLowerCase()}`,
  ip: `ip:${addressGroup(ip)}`,
});

/** Seconds until `key` may try again, or 0 when it may try now. */
export async function retryAfterSeconds(prisma: PrismaClient, keys: string[], now = new Date()): Promise<number> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const latest = Math.max(0, ...rows.map((row) => row.lockedUntil!.getTime()));
  return latest > now.getTime() ? Math.ceil((latest - now.getTime()) / 1000) : 0;
}

/**
 * Counts a failure; at the limit the key is locked for a time that doubles with every
 * lockout (1 minute, 2, 4, … up to an hour) while failures keep coming inside the window.
 */
export async function recordFailure(prisma: PrismaClient, key: string, limit: number, now = new Date()): Promise<void> {
  const row = await prisma.loginThrottle.findUnique({ where: { key } });
  const windowExpired = !row || now.getTime() - row.windowStartsAt.getTime() > WINDOW_MS;
  const failures = windowExpired ? 1 : row.failures + 1;
  const lockouts = windowExpired ? 0 : row.lockouts;
  const locking = failures >= limit;
  const lockMs = Math.min(FIRST_LOCK_MS * 2 ** lockouts, MAX_LOCK_MS);
  const data = {
    failures,
    windowStartsAt: windowExpired ? now : row.windowStartsAt,
    lockouts: locking ? lockouts + 1 : lockouts,
    lockedUntil: locking ? new Date(now.getTime() + lockMs) : (row?.lockedUntil ?? null),
  };
  await prisma.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
}

/** A successful sign-in clears the account's record (not the IP's: one good account must not unlock an address). */
export async function clearFailures(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}
