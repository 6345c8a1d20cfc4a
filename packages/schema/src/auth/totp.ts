import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import type { PrismaClient } from "@mspgraph/db";
import { type KeyRing, decryptJson, encryptJson } from "../crypto/credential-cipher.js";
import { hashOpaqueToken } from "./opaque-tokens.js";
import type { SessionIdentity } from "./sessions.js";

const ISSUER = "mspgraph";
const PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30 seconds. */
const totpOf = (secret: string, label = "") => new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });

// Binds the ciphertext to its user, so a secret copied to another user's row does not decrypt.
const associatedData = (identity: SessionIdentity) => `TotpFactor:${identity.subject}:${identity.userId}`;
export const factorOwner = (identity: SessionIdentity) => (identity.subject === "STAFF" ? { staffUserId: identity.userId } : { clientUserId: identity.userId });

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 as apps read it, and its otpauth:// URL. */
export function newTotpSecret(accountName: string): { secret: string; otpauthUrl: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUrl: totpOf(secret, accountName).toString() };
}

export const encryptTotpSecret = (ring: KeyRing, identity: SessionIdentity, secret: string) => encryptJson(ring, { secret }, associatedData(identity));
export const decryptTotpSecret = (ring: KeyRing, identity: SessionIdentity, stored: string) => decryptJson<{ secret: string }>(ring, stored, associatedData(identity)).secret;

/** The code an authenticator shows for `secret` now (tests and the demo's test helper use it). */
export const totpCode = (secret: string, timestamp = Date.now()) => totpOf(secret).generate({ timestamp });

/**
 * Checks a code against the factor and spends its time step, so the same code (or an older
 * one) is refused afterwards. One step of clock drift either way is accepted.
 * @returns false for a wrong, stale or replayed code
 */
export async function acceptTotpCode(options: { prisma: PrismaClient; ring: KeyRing; identity: SessionIdentity; factor: { id: string; secret: string }; code: string }): Promise<boolean> {
  const { prisma, factor } = options;
  const code = options.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return false;
  const now = Date.now();
  const delta = totpOf(decryptTotpSecret(options.ring, options.identity, factor.secret)).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return false;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  // Conditional, so two requests racing with one code cannot both pass.
  const { count } = await prisma.totpFactor.updateMany({ where: { id: factor.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] }, data: { lastUsedStep: step } });
  return count === 1;
}

// 16 characters of base32 (5 bits each): 80 bits, so an unsalted SHA-256 is enough to store them.
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Ten new recovery codes, shown to the user once, and the hashes to store. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(randomBytes(16), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
  return { codes, hashes: codes.map((code) => hashOpaqueToken(normalizeRecoveryCode(code))) };
}

/** Spends a recovery code of the factor: true once, false for an unknown or used code. */
export async function acceptRecoveryCode(prisma: PrismaClient, factorId: string, code: string): Promise<boolean> {
  const { count } = await prisma.recoveryCode.updateMany({ where: { factorId, codeHash: hashOpaqueToken(normalizeRecoveryCode(code)), usedAt: null }, data: { usedAt: new Date() } });
  return count === 1;
}

/** Re-encrypts every TOTP secret not under the key ring's active key (after a rotation); returns how many. */
export async function reencryptTotpSecrets(prisma: PrismaClient, ring: KeyRing): Promise<number> {
  const factors = await prisma.totpFactor.findMany({ where: { NOT: { secret: { startsWith: `v1.${ring.activeKeyId}.` } } } });
  for (const factor of factors) {
    const identity: SessionIdentity = factor.staffUserId ? { subject: "STAFF", userId: factor.staffUserId } : { subject: "CLIENT", userId: factor.clientUserId!, clientId: "" };
    await prisma.totpFactor.update({ where: { id: factor.id }, data: { secret: encryptTotpSecret(ring, identity, decryptTotpSecret(ring, identity, factor.secret)) } });
  }
  return factors.length;
}
