import type { MfaChallengePurpose, PrismaClient } from "@mspgraph/db";
import { apiError } from "../errors.js";
import { hashOpaqueToken, newOpaqueToken } from "./opaque-tokens.js";
import type { SessionIdentity } from "./sessions.js";
import { factorOwner } from "./totp.js";

// Neither a JWT nor an API key's prefix: presented as a bearer token it is refused.
const MFA_TOKEN_PREFIX = "mspm";
const TTL_MS: Record<MfaChallengePurpose, number> = { VERIFY: 5 * 60 * 1000, ENROLL: 15 * 60 * 1000 };

/** What a sign-in still needs after the password: a code, or enrolment first. */
export type MfaStep = { purpose: MfaChallengePurpose; mfaToken: string };

/**
 * Whether the user must give a second factor: VERIFY with a confirmed factor, ENROLL when
 * MFA is required (platform admins always; a partner's staff when it says so) but not set up.
 */
export async function mfaPurposeFor(prisma: PrismaClient, identity: SessionIdentity): Promise<MfaChallengePurpose | null> {
  const factor = await prisma.totpFactor.findUnique({ where: factorOwner(identity), select: { confirmedAt: true } });
  if (factor?.confirmedAt) return "VERIFY";
  return (await mfaRequired(prisma, identity)) ? "ENROLL" : null;
}

/** Platform admins always need a second factor; a partner may require it of its staff. */
export async function mfaRequired(prisma: PrismaClient, identity: SessionIdentity): Promise<boolean> {
  if (identity.subject !== "STAFF") return false;
  const user = await prisma.staffUser.findUnique({ where: { id: identity.userId }, select: { role: true, partner: { select: { requireStaffMfa: true } } } });
  return user?.role === "PLATFORM_ADMIN" || Boolean(user?.partner?.requireStaffMfa);
}

export async function startMfaChallenge(prisma: PrismaClient, identity: SessionIdentity, purpose: MfaChallengePurpose): Promise<MfaStep> {
  const mfaToken = newOpaqueToken(MFA_TOKEN_PREFIX);
  await prisma.mfaChallenge.create({
    data: { tokenHash: hashOpaqueToken(mfaToken), purpose, subject: identity.subject, ...factorOwner(identity), expiresAt: new Date(Date.now() + TTL_MS[purpose]) },
  });
  return { purpose, mfaToken };
}

export const invalidMfaToken = () => apiError("UNAUTHENTICATED", "The MFA token is invalid or expired: sign in again");

/**
 * The live challenge an mfaToken names, with its user's identity; refused when it is
 * unknown, expired, spent, for the other purpose, or its user can no longer sign in.
 */
export async function openMfaChallenge(prisma: PrismaClient, mfaToken: string, purpose: MfaChallengePurpose): Promise<{ id: string; identity: SessionIdentity; email: string; partnerId: string | null; clientId: string | null }> {
  const challenge = await prisma.mfaChallenge.findUnique({
    where: { tokenHash: hashOpaqueToken(mfaToken) },
    include: { staffUser: true, clientUser: { include: { client: { select: { archivedAt: true } } } } },
  });
  if (!challenge || challenge.purpose !== purpose || challenge.usedAt || challenge.expiresAt <= new Date()) throw invalidMfaToken();
  const { staffUser, clientUser } = challenge;
  if (staffUser && !staffUser.disabledAt) return { id: challenge.id, identity: { subject: "STAFF", userId: staffUser.id }, email: staffUser.email, partnerId: staffUser.partnerId, clientId: null };
  if (clientUser && !clientUser.disabledAt && !clientUser.client.archivedAt) {
    return { id: challenge.id, identity: { subject: "CLIENT", userId: clientUser.id, clientId: clientUser.clientId }, email: clientUser.email, partnerId: clientUser.partnerId, clientId: clientUser.clientId };
  }
  throw invalidMfaToken();
}

/** Spends a challenge; only one of two racing requests wins. */
export async function spendMfaChallenge(prisma: PrismaClient, id: string): Promise<void> {
  const { count } = await prisma.mfaChallenge.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
  if (count !== 1) throw invalidMfaToken();
}
