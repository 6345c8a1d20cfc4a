import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi, gid, totpCode } from "./testing/test-api.js";

const SESSION = "accessToken refreshToken mfaRequired mfaEnrollmentRequired mfaToken userErrors { field code }";
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ${SESSION} } }`;
const CLIENT_LOGIN = `mutation ($input: LoginInput!) { clientLogin(input: $input) { ${SESSION} } }`;
const VERIFY = `mutation ($input: VerifyMfaInput!) { verifyMfa(input: $input) { ${SESSION} viewer { email } } }`;
const START = "mutation ($input: StartTotpEnrollmentInput) { startTotpEnrollment(input: $input) { secret otpauthUrl userErrors { code } } }";
const CONFIRM = `mutation ($input: ConfirmTotpEnrollmentInput!) { confirmTotpEnrollment(input: $input) { recoveryCodes session { ${SESSION} viewer { email } } userErrors { field code } } }`;
const DISABLE = "mutation ($input: DisableTotpInput!) { disableTotp(input: $input) { ok userErrors { field code } } }";
const codeAt = (secret: string, offsetSteps = 0) => totpCode(secret, Date.now() + offsetSteps * 30_000);
const login = (t: TestApi, email: string, password = DEMO_PASSWORD) => t.gql(LOGIN, { input: { email, password } }).then((r) => r.data!.login);

describe("TOTP second factor", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  it("makes the platform admin enrol at first sign-in, with an mfaToken that is no session and is spent once", async () => {
    const first = await login(t, "admin@mspgraph.test");
    expect(first).toMatchObject({ accessToken: null, refreshToken: null, mfaRequired: false, mfaEnrollmentRequired: true, userErrors: [] });
    const mfaToken = first.mfaToken as string;
    expect((await t.gql("{ viewer { email } }", {}, { token: mfaToken })).status).toBe(401);
    expect(codeOf(await t.gql(VERIFY, { input: { mfaToken, code: "123456" } }))).toBe("UNAUTHENTICATED");

    const started = (await t.gql(START, { input: { mfaToken } })).data!.startTotpEnrollment;
    expect(started.otpauthUrl).toMatch(/^otpauth:\/\/totp\/mspgraph:admin%40mspgraph\.test\?/);
    expect(new URL(started.otpauthUrl).searchParams.get("algorithm")).toBe("SHA1");
    expect(new URL(started.otpauthUrl).searchParams.get("digits")).toBe("6");
    expect(new URL(started.otpauthUrl).searchParams.get("period")).toBe("30");
    const stored = await t.database.prisma.totpFactor.findUniqueOrThrow({ where: { staffUserId: seedId("staff", "admin@mspgraph.test") } });
    expect(stored.secret).toMatch(/^v1\.test\./);
    expect(stored.secret).not.toContain(started.secret);

    expect((await t.gql(CONFIRM, { input: { mfaToken, code: "000000" } })).data!.confirmTotpEnrollment.userErrors).toEqual([{ field: "code", code: "INVALID_CODE" }]);
    const confirmed = (await t.gql(CONFIRM, { input: { mfaToken, code: codeAt(started.secret) } })).data!.confirmTotpEnrollment;
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect(confirmed.session.viewer).toEqual({ email: "admin@mspgraph.test" });
    expect((await t.gql("{ viewer { email } }", {}, { token: confirmed.session.accessToken })).data!.viewer.email).toBe("admin@mspgraph.test");
    const hashes = await t.database.prisma.recoveryCode.findMany({ where: { factorId: stored.id } });
    expect(hashes.map((h) => h.codeHash)).not.toContain(confirmed.recoveryCodes[0]);
    // Spent: the same token neither confirms again nor starts over.
    expect(codeOf(await t.gql(START, { input: { mfaToken } }))).toBe("UNAUTHENTICATED");

    const next = await login(t, "admin@mspgraph.test");
    expect(next).toMatchObject({ accessToken: null, mfaRequired: true, mfaEnrollmentRequired: false });
    expect((await t.gql("{ viewer { totpEnabled mfaRequired } }", {}, { token: confirmed.session.accessToken })).data!.viewer).toEqual({ totpEnabled: true, mfaRequired: true });
  });

  it("signs in with a code once: the same code is refused the second time", async () => {
    const token = await t.tokenFor("owner@contoso-it.test");
    const { secret } = (await t.gql(START, {}, { token })).data!.startTotpEnrollment;
    expect((await t.gql(CONFIRM, { input: { code: codeAt(secret) } }, { token })).data!.confirmTotpEnrollment.session).toBeNull();

    const code = codeAt(secret, 1);
    const first = await login(t, "owner@contoso-it.test");
    expect(first.mfaRequired).toBe(true);
    const verified = (await t.gql(VERIFY, { input: { mfaToken: first.mfaToken, code } })).data!.verifyMfa;
    expect(verified.viewer).toEqual({ email: "owner@contoso-it.test" });
    expect(verified.accessToken).toEqual(expect.any(String));
    expect(codeOf(await t.gql(VERIFY, { input: { mfaToken: first.mfaToken, code: codeAt(secret, -1) } }))).toBe("UNAUTHENTICATED");

    const second = await login(t, "owner@contoso-it.test");
    expect((await t.gql(VERIFY, { input: { mfaToken: second.mfaToken, code } })).data!.verifyMfa).toMatchObject({ accessToken: null, userErrors: [{ field: "code", code: "INVALID_CODE" }] });
  });

  it("takes each recovery code once", async () => {
    const token = await t.tokenFor("admin@fabrikam.test");
    const { secret } = (await t.gql(START, {}, { token })).data!.startTotpEnrollment;
    const { recoveryCodes } = (await t.gql(CONFIRM, { input: { code: codeAt(secret) } }, { token })).data!.confirmTotpEnrollment;
    const signIn = () => t.gql(CLIENT_LOGIN, { input: { email: "admin@fabrikam.test", password: DEMO_PASSWORD } }).then((r) => r.data!.clientLogin.mfaToken as string);
    const used = await t.gql(VERIFY, { input: { mfaToken: await signIn(), recoveryCode: recoveryCodes[3].toUpperCase() } });
    expect(used.data!.verifyMfa.accessToken).toEqual(expect.any(String));
    const again = await t.gql(VERIFY, { input: { mfaToken: await signIn(), recoveryCode: recoveryCodes[3] } });
    expect(again.data!.verifyMfa.userErrors).toEqual([{ field: "code", code: "INVALID_CODE" }]);
  });

  it("throttles wrong codes like passwords, so the right one waits too", async () => {
    const token = await t.tokenFor("tech@contoso-it.test");
    const { secret } = (await t.gql(START, {}, { token })).data!.startTotpEnrollment;
    await t.gql(CONFIRM, { input: { code: codeAt(secret) } }, { token });
    const { mfaToken } = await login(t, "tech@contoso-it.test");
    const wrong = codeAt(secret, 5);
    for (let i = 0; i < 5; i++) expect((await t.gql(VERIFY, { input: { mfaToken, code: wrong } })).data!.verifyMfa.userErrors[0].code).toBe("INVALID_CODE");
    const locked = await t.gql(VERIFY, { input: { mfaToken, code: codeAt(secret, 1) } });
    expect(codeOf(locked)).toBe("RATE_LIMITED");
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("leaves MFA off for an enrolment started but not confirmed", async () => {
    const token = await t.tokenFor("viewer@fabrikam.test");
    expect((await t.gql(START, {}, { token })).data!.startTotpEnrollment.secret).toEqual(expect.any(String));
    const signIn = await t.gql(CLIENT_LOGIN, { input: { email: "viewer@fabrikam.test", password: DEMO_PASSWORD } });
    expect(signIn.data!.clientLogin).toMatchObject({ accessToken: expect.any(String), mfaRequired: false, mfaToken: null });
    expect((await t.gql("{ viewer { totpEnabled mfaRequired } }", {}, { token })).data!.viewer).toEqual({ totpEnabled: false, mfaRequired: false });
  });

  it("refuses an expired mfaToken", async () => {
    const { mfaToken } = await login(t, "admin@mspgraph.test");
    await t.database.prisma.mfaChallenge.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codeOf(await t.gql(VERIFY, { input: { mfaToken, code: await t.totpCodeFor("admin@mspgraph.test") } }))).toBe("UNAUTHENTICATED");
  });

  it("turns off with the password and a code, but never for a platform admin", async () => {
    const token = await t.tokenFor("tech@northwind-msp.test");
    const { secret } = (await t.gql(START, {}, { token })).data!.startTotpEnrollment;
    await t.gql(CONFIRM, { input: { code: codeAt(secret) } }, { token });
    const disable = (token: string, password: string, code: string) => t.gql(DISABLE, { input: { password, code } }, { token }).then((r) => r.data!.disableTotp);
    expect(await disable(token, "wrong password", await t.totpCodeFor("tech@northwind-msp.test"))).toEqual({ ok: false, userErrors: [{ field: "password", code: "INVALID_CREDENTIALS" }] });
    expect(await disable(token, DEMO_PASSWORD, "000000")).toEqual({ ok: false, userErrors: [{ field: "code", code: "INVALID_CODE" }] });
    expect(await disable(token, DEMO_PASSWORD, await t.totpCodeFor("tech@northwind-msp.test"))).toEqual({ ok: true, userErrors: [] });
    expect((await login(t, "tech@northwind-msp.test")).accessToken).toEqual(expect.any(String));

    const admin = await t.tokenFor("admin@mspgraph.test");
    expect((await disable(admin, DEMO_PASSWORD, "000000")).userErrors[0].code).toBe("FORBIDDEN");
  });

  it("keeps codes, secrets, tokens and passwords out of the audit trail and the logs", async () => {
    const token = await t.tokenFor("owner@northwind-msp.test");
    const { secret } = (await t.gql(START, {}, { token })).data!.startTotpEnrollment;
    const code = codeAt(secret);
    const { recoveryCodes } = (await t.gql(CONFIRM, { input: { code } }, { token })).data!.confirmTotpEnrollment;
    const { mfaToken } = await login(t, "owner@northwind-msp.test");
    await t.gql(VERIFY, { input: { mfaToken, recoveryCode: recoveryCodes[0] } });
    const events = await t.database.prisma.auditEvent.findMany({ where: { action: { in: ["auth.totp_enrollment_started", "auth.totp_enabled", "auth.mfa_recovery_code_used", "auth.login"] } } });
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(["auth.totp_enrollment_started", "auth.totp_enabled", "auth.mfa_recovery_code_used", "auth.login"]));
    const trail = JSON.stringify(await t.database.prisma.auditEvent.findMany());
    for (const secretText of [secret, code, mfaToken, ...recoveryCodes, DEMO_PASSWORD]) {
      expect(trail).not.toContain(secretText);
      expect(t.logs.join("\n")).not.toContain(secretText);
    }
  });
});

describe("a partner requiring MFA of its staff", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());
  const UPDATE = "mutation ($input: UpdatePartnerInput!) { updatePartner(input: $input) { requireStaffMfa } }";
  const northwind = gid("Partner", seedId("partner", "northwind-msp"));

  it("is the OWNER's switch; staff without a factor enrol at their next sign-in; API keys are unaffected", async () => {
    const key = (await t.gql("mutation ($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }", { i: { name: "sync", scopes: ["READ"] } }, { token: await t.tokenFor("owner@northwind-msp.test") })).data!.createApiKey.key;
    expect(codeOf(await t.gql(UPDATE, { input: { id: northwind, requireStaffMfa: true } }, { token: await t.tokenFor("tech@northwind-msp.test") }))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql(UPDATE, { input: { id: gid("Partner", seedId("partner", "contoso-it")), requireStaffMfa: true } }, { token: await t.tokenFor("owner@northwind-msp.test") }))).toBe("NOT_FOUND");
    const updated = await t.gql(UPDATE, { input: { id: northwind, requireStaffMfa: true } }, { token: await t.tokenFor("owner@northwind-msp.test") });
    expect(updated.data!.updatePartner).toEqual({ requireStaffMfa: true });

    const tech = await login(t, "tech@northwind-msp.test");
    expect(tech).toMatchObject({ accessToken: null, mfaEnrollmentRequired: true });
    expect((await t.gql("{ clients(first: 1) { totalCount } }", {}, { token: key })).data!.clients.totalCount).toBeGreaterThan(0);
    // Contoso did not ask for it.
    expect((await login(t, "tech@contoso-it.test")).accessToken).toEqual(expect.any(String));
    const enrolled = await t.signIn("tech@northwind-msp.test");
    expect(enrolled.accessToken).toEqual(expect.any(String));
  });
});
