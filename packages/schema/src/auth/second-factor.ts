import type { PrismaClient } from "@mspgraph/db";
import type { RequestInfo } from "../context.js";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { apiError } from "../errors.js";
import { addressGroup } from "../server/client-ip.js";
import type { SessionIdentity } from "./sessions.js";
import { MAX_FAILURES, MAX_IP_FAILURES, clearFailures, recordFailure, retryAfterSeconds } from "./throttle.js";
import { acceptRecoveryCode, acceptTotpCode, factorOwner } from "./totp.js";

/** Throttling keys for codes: per user, and per address (shared with passwords, so sprays of either count together). */
const codeKeys = (identity: SessionIdentity, ip: string) => ({ account: `mfa:${identity.subject}:${identity.userId}`, ip: `ip:${addressGroup(ip)}` });

export type SecondFactor = { code?: string | null; recoveryCode?: string | null };

/**
 * Checks a TOTP code (or, where allowed, a recovery code) for the user, throttled like
 * passwords: five wrong codes lock the user's codes out for a minute, doubling after that.
 * @param pending check the enrolment in progress rather than the confirmed factor
 * @returns false for a wrong, reused or missing code; throws RATE_LIMITED while locked out
 */
export async function checkSecondFactor(options: {
  prisma: PrismaClient;
  ring: KeyRing;
  identity: SessionIdentity;
  request: RequestInfo;
  factor: SecondFactor;
  pending?: boolean;
}): Promise<boolean> {
  const { prisma, identity, factor } = options;
  const keys = codeKeys(identity, options.request.ip);
  const wait = await retryAfterSeconds(prisma, [keys.account, keys.ip]);
  if (wait > 0) throw apiError("RATE_LIMITED", `Too many wrong codes: try again in ${wait} seconds`, { retryAfterSeconds: wait });
  const stored = await prisma.totpFactor.findUnique({ where: factorOwner(identity) });
  const usable = stored && (options.pending ? !stored.confirmedAt : Boolean(stored.confirmedAt));
  let ok = false;
  if (usable && factor.code) ok = await acceptTotpCode({ prisma, ring: options.ring, identity, factor: stored, code: factor.code });
  else if (usable && factor.recoveryCode && !options.pending) ok = await acceptRecoveryCode(prisma, stored.id, factor.recoveryCode);
  if (!ok) {
    await recordFailure(prisma, keys.account, MAX_FAILURES);
    await recordFailure(prisma, keys.ip, MAX_IP_FAILURES);
    return false;
  }
  await clearFailures(prisma, keys.account);
  return true;
}
