import { DEMO_PASSWORD, type PrismaClient } from "@mspgraph/db";
import type { SessionIdentity } from "../auth/sessions.js";
import { decryptTotpSecret, totpCode } from "../auth/totp.js";
import type { KeyRing } from "../crypto/credential-cipher.js";

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: Record<string, any> | null; errors?: unknown[] }>;
type Harness = { gql: Gql; database: { prisma: PrismaClient }; keyRing: KeyRing };

const STEP_MS = 30_000;

/**
 * A code the user's authenticator would show that the API has not accepted yet (each code
 * signs in once): now's, or the next step's, waiting for a new step when both are spent.
 * The secret is read from the database the way the API stores it, encrypted.
 */
export async function totpCodeFor(harness: Omit<Harness, "gql">, email: string): Promise<string> {
  const { prisma } = harness.database;
  const staff = await prisma.staffUser.findUnique({ where: { email }, include: { totpFactor: true } });
  const client = staff ? null : await prisma.clientUser.findUnique({ where: { email }, include: { totpFactor: true } });
  const factor = staff?.totpFactor ?? client?.totpFactor;
  if (!factor) throw new Error(`${email} has no authenticator`);
  const identity: SessionIdentity = staff ? { subject: "STAFF", userId: staff.id } : { subject: "CLIENT", userId: client!.id, clientId: client!.clientId };
  const secret = decryptTotpSecret(harness.keyRing, identity, factor.secret);
  for (;;) {
    const step = Math.floor(Date.now() / STEP_MS);
    const free = [step, step + 1].find((candidate) => factor.lastUsedStep === null || candidate > factor.lastUsedStep);
    if (free !== undefined) return totpCode(secret, free * STEP_MS);
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * STEP_MS - Date.now() + 50));
  }
}

const SESSION = "accessToken refreshToken expiresAt mfaRequired mfaEnrollmentRequired mfaToken userErrors { code message }";
export type SignedIn = { accessToken: string; refreshToken: string; expiresAt: string };

/**
 * Signs a user in as a person would, through the second factor when the account has one:
 * enrolling an authenticator first when MFA is required and not set up (the demo's platform
 * admin at first sign-in), otherwise answering with the authenticator's current code.
 */
export async function signInThroughMfa(harness: Harness, options: { email: string; password?: string; portal: boolean }): Promise<SignedIn> {
  const field = options.portal ? "clientLogin" : "login";
  const login = await harness.gql(`mutation ($input: LoginInput!) { ${field}(input: $input) { ${SESSION} } }`, { input: { email: options.email, password: options.password ?? DEMO_PASSWORD } });
  const payload = login.data?.[field];
  if (payload?.accessToken) return payload;
  if (payload?.mfaEnrollmentRequired) {
    const started = await harness.gql("mutation ($input: StartTotpEnrollmentInput) { startTotpEnrollment(input: $input) { secret } }", { input: { mfaToken: payload.mfaToken } });
    const secret = started.data?.startTotpEnrollment?.secret as string | undefined;
    if (!secret) throw new Error(`could not enrol ${options.email}: ${JSON.stringify(started)}`);
    const confirmed = await harness.gql(`mutation ($input: ConfirmTotpEnrollmentInput!) { confirmTotpEnrollment(input: $input) { session { ${SESSION} } userErrors { message } } }`, {
      input: { mfaToken: payload.mfaToken, code: totpCode(secret) },
    });
    const session = confirmed.data?.confirmTotpEnrollment?.session;
    if (session?.accessToken) return session;
    throw new Error(`could not confirm ${options.email}'s enrolment: ${JSON.stringify(confirmed)}`);
  }
  if (payload?.mfaRequired) {
    const verified = await harness.gql(`mutation ($input: VerifyMfaInput!) { verifyMfa(input: $input) { ${SESSION} } }`, { input: { mfaToken: payload.mfaToken, code: await totpCodeFor(harness, options.email) } });
    if (verified.data?.verifyMfa?.accessToken) return verified.data.verifyMfa;
    throw new Error(`could not verify ${options.email}'s code: ${JSON.stringify(verified)}`);
  }
  throw new Error(`could not sign in ${options.email}: ${JSON.stringify(login)}`);
}
