import { type PrismaClient, hashPassword, verifyPassword } from "@mspgraph/db";
import type { RequestInfo } from "../context.js";
import { apiError } from "../errors.js";
import type { AuthConfig } from "./auth-config.js";
import { type MfaStep, mfaPurposeFor, startMfaChallenge } from "./mfa-challenge.js";
import { type SessionIdentity, type SessionTokens, startSession } from "./sessions.js";
import { MAX_FAILURES, MAX_IP_FAILURES, clearFailures, recordFailure, retryAfterSeconds, throttleKeys } from "./throttle.js";

// Unknown emails are checked against this hash, so they cost the same time as wrong passwords.
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => (dummyHash ??= hashPassword("mspgraph-no-such-account"));

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

type Account = { identity: SessionIdentity; partnerId: string | null; passwordHash: string | null; usable: boolean; suspended: boolean };

async function findAccount(prisma: PrismaClient, kind: "staff" | "client", email: string): Promise<Account | null> {
  if (kind === "staff") {
    const user = await prisma.staffUser.findUnique({ where: { email }, include: { partner: { select: { suspendedAt: true } } } });
    return user && { identity: { subject: "STAFF", userId: user.id }, partnerId: user.partnerId, passwordHash: user.passwordHash, usable: !user.disabledAt, suspended: Boolean(user.partner?.suspendedAt) };
  }
  const user = await prisma.clientUser.findUnique({ where: { email }, include: { client: { select: { archivedAt: true } }, partner: { select: { suspendedAt: true } } } });
  return (
    user && {
      identity: { subject: "CLIENT", userId: user.id, clientId: user.clientId },
      partnerId: user.partnerId,
      passwordHash: user.passwordHash,
      usable: !user.disabledAt && !user.client.archivedAt,
      suspended: Boolean(user.partner.suspendedAt),
    }
  );
}

export type SignInResult =
  | { ok: true; tokens: SessionTokens; identity: SessionIdentity }
  | { ok: true; mfa: MfaStep; identity: SessionIdentity }
  | { ok: false; account?: { id: string; partnerId: string | null; clientId: string | null }; suspended?: true };

/**
 * Checks an email and password for one of the two identities (staff or client users),
 * throttled per account and per IP.
 * @remarks Every failure looks the same to the caller: unknown email, wrong password,
 * disabled account or pending invitation. A user with (or required to have) a second factor
 * gets no session yet, only the mfaToken for verifyMfa or enrolment. Only a right password
 * learns that the account's partner is suspended (`suspended`).
 */
export async function signIn(options: {
  prisma: PrismaClient;
  config: AuthConfig;
  kind: "staff" | "client";
  email: string;
  password: string;
  request: RequestInfo;
}): Promise<SignInResult> {
  const { prisma, kind, request } = options;
  const email = normalizeEmail(options.email);
  const keys = throttleKeys(kind, email, request.ip);
  const wait = await retryAfterSeconds(prisma, [keys.account, keys.ip]);
  if (wait > 0) {
    throw apiError("RATE_LIMITED", `Too many failed sign-ins: try again in ${wait} seconds`, { retryAfterSeconds: wait });
  }
  const account = await findAccount(prisma, kind, email);
  const matches = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), options.password);
  if (!account || !matches || !account.usable) {
    await recordFailure(prisma, keys.account, MAX_FAILURES);
    await recordFailure(prisma, keys.ip, MAX_IP_FAILURES);
    // For the audit trail only: the caller's answer is the same either way.
    if (!account) return { ok: false };
    const clientId = account.identity.subject === "CLIENT" ? account.identity.clientId : null;
    return { ok: false, account: { id: account.identity.userId, partnerId: account.partnerId, clientId } };
  }
  await clearFailures(prisma, keys.account);
  if (account.suspended) {
    const clientId = account.identity.subject === "CLIENT" ? account.identity.clientId : null;
    return { ok: false, suspended: true, account: { id: account.identity.userId, partnerId: account.partnerId, clientId } };
  }
  const purpose = await mfaPurposeFor(prisma, account.identity);
  if (purpose) return { ok: true, mfa: await startMfaChallenge(prisma, account.identity, purpose), identity: account.identity };
  const tokens = await startSession({ prisma, config: options.config, identity: account.identity, request });
  return { ok: true, tokens, identity: account.identity };
}
