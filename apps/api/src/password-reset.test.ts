import { DEMO_PASSWORD } from "@mspgraph/db";
import { createLogger, processDueMail } from "@mspgraph/schema/server";
import { type TestSmtpServer, startTestSmtpServer } from "@mspgraph/schema/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const FROM = "mspgraph <no-reply@app.example.test>";
const REQUEST = "mutation ($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { ok userErrors { field message code } } }";
const RESET = "mutation ($i: ResetPasswordInput!) { resetPassword(input: $i) { ok userErrors { field message code } } }";
const LOGIN = (field: string) => `mutation ($i: LoginInput!) { ${field}(input: $i) { accessToken mfaRequired userErrors { code } } }`;
const NEW_PASSWORD = "correct horse battery staple 42";
const tokenIn = (link: string) => new URL(link).searchParams.get("token")!;

describe("forgotten passwords, emailed over SMTP", () => {
  let t: TestApi;
  let smtp: TestSmtpServer;
  let address = 0;
  // Each test asks from its own address, so the per-IP limit is not what it meets.
  const from = () => ({ remoteAddress: `198.51.100.${++address}` });
  const ask = async (email: string, kind: "STAFF" | "CLIENT") => (await t.gql(REQUEST, { i: { email, kind } }, from())).data!.requestPasswordReset;
  const reset = async (token: string, newPassword = NEW_PASSWORD) => (await t.gql(RESET, { i: { token, newPassword } }, from())).data!.resetPassword;
  const send = () =>
    processDueMail({ database: t.database, keyRing: t.keyRing, smtpUrl: smtp.url, from: FROM, logger: createLogger({ level: "debug", destination: { write: (line: string) => void t.logs.push(line) } }) });
  const linkIn = (index: number) => smtp.received[index]!.text!.match(/https:\/\/\S+/)![0];
  const sendAndLink = async () => {
    const before = smtp.received.length;
    expect(await send()).toBe(1);
    await smtp.waitFor(before + 1);
    return linkIn(before);
  };

  beforeAll(async () => {
    t = await createTestApi({ mail: { publicUrl: "https://app.example.test/msp", from: FROM, delivers: true } });
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  it("mails a staff member a link to /reset-password that works once, ends every session, and does not sign them in", async () => {
    const old = await t.signIn("tech@northwind-msp.test");
    expect(await ask("Tech@Northwind-MSP.test ", "STAFF")).toEqual({ ok: true, userErrors: [] });
    const link = await sendAndLink();
    const mail = smtp.received.at(-1)!;
    expect(mail.envelope.to).toEqual(["tech@northwind-msp.test"]);
    expect(mail.subject).toBe("Reset your password for Northwind MSP");
    expect(link).toMatch(/^https:\/\/app\.example\.test\/msp\/reset-password\?token=mspw_/);
    expect(mail.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);

    expect(await reset(tokenIn(link))).toEqual({ ok: true, userErrors: [] });
    expect(await reset(tokenIn(link), "another long passphrase 7")).toEqual({ ok: false, userErrors: [{ field: "token", message: expect.any(String), code: "NOT_FOUND" }] });
    // The old session is over: its access token and its refresh token are refused.
    expect(codeOf(await t.gql("{ viewer { name } }", {}, { token: old.accessToken }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await t.gql("mutation ($i: RefreshSessionInput!) { refreshSession(input: $i) { accessToken } }", { i: { refreshToken: old.refreshToken } }))).toBe("UNAUTHENTICATED");
    expect((await t.gql(LOGIN("login"), { i: { email: "tech@northwind-msp.test", password: DEMO_PASSWORD } })).data!.login.userErrors).toEqual([{ code: "INVALID_CREDENTIALS" }]);
    expect((await t.signIn("tech@northwind-msp.test", NEW_PASSWORD)).accessToken).toEqual(expect.any(String));
  });

  it("mails a client user in their client's branding, to /portal/reset-password", async () => {
    await t.database.prisma.client.updateMany({ where: { name: "Fabrikam Dental" }, data: { logoUrl: "https://cdn.example.test/fabrikam.png", primaryColor: "#0b7285" } });
    await ask("viewer@fabrikam.test", "CLIENT");
    const link = await sendAndLink();
    const mail = smtp.received.at(-1)!;
    expect(mail.subject).toBe("Reset your password for Fabrikam Dental's portal at Northwind MSP");
    expect(mail.html).toContain('<img src="https://cdn.example.test/fabrikam.png" alt="Fabrikam Dental"');
    expect(mail.html).toContain("#0b7285");
    expect(mail.text).toContain("Sent by Northwind MSP for Fabrikam Dental");
    expect(link).toMatch(/^https:\/\/app\.example\.test\/msp\/portal\/reset-password\?token=mspw_/);
    // A client user's token is no staff link: asking the staff flow for the address sends nothing.
    expect(await ask("viewer@fabrikam.test", "STAFF")).toEqual({ ok: true, userErrors: [] });
    expect(await send()).toBe(0);
    expect(await reset(tokenIn(link))).toEqual({ ok: true, userErrors: [] });
    expect((await t.gql(LOGIN("clientLogin"), { i: { email: "viewer@fabrikam.test", password: NEW_PASSWORD } })).data!.clientLogin.accessToken).toEqual(expect.any(String));
  });

  it("refuses an expired link", async () => {
    await ask("admin@tailspin.test", "CLIENT");
    const link = await sendAndLink();
    const validFor = (await t.database.prisma.passwordReset.findFirstOrThrow({ where: { usedAt: null } })).expiresAt.getTime() - Date.now();
    expect(Math.abs(validFor - 30 * 60_000)).toBeLessThan(60_000);
    await t.database.prisma.passwordReset.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await reset(tokenIn(link))).toEqual({ ok: false, userErrors: [{ field: "token", message: expect.any(String), code: "NOT_FOUND" }] });
  });

  it("refuses an earlier link once a newer one was asked for, and withdraws an earlier mail not sent yet", async () => {
    await ask("admin@alpine.test", "CLIENT");
    const first = await sendAndLink();
    await ask("admin@alpine.test", "CLIENT");
    await ask("admin@alpine.test", "CLIENT");
    const outbox = await t.database.prisma.mailOutbox.findMany({ where: { recipient: "admin@alpine.test" }, orderBy: { createdAt: "asc" }, select: { status: true } });
    expect(outbox.map((row) => row.status)).toEqual(["SENT", "CANCELLED", "PENDING"]);
    const latest = await sendAndLink();
    expect((await reset(tokenIn(first))).userErrors).toEqual([expect.objectContaining({ field: "token", code: "NOT_FOUND" })]);
    expect((await reset(tokenIn(latest))).ok).toBe(true);
  });

  it("lets one of two concurrent resets with the same link win", async () => {
    await ask("owner@contoso-it.test", "STAFF");
    const token = tokenIn(await sendAndLink());
    const results = await Promise.all([reset(token, "first racing passphrase 1"), reset(token, "second racing passphrase 2")]);
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
  });

  it("checks the password policy before spending the link", async () => {
    await ask("tech@contoso-it.test", "STAFF");
    const token = tokenIn(await sendAndLink());
    expect(await reset(token, "k7#qz-Lm2")).toEqual({ ok: false, userErrors: [{ field: "newPassword", message: "must be at least 12 characters", code: "BAD_USER_INPUT" }] });
    expect(await reset(token, "password1234")).toEqual({ ok: false, userErrors: [{ field: "newPassword", message: "is one of the most common passwords: choose another", code: "BAD_USER_INPUT" }] });
    expect((await reset(token)).ok).toBe(true);
  });

  it("does not bypass a second factor: the new password leads to the code step", async () => {
    await t.signIn("admin@mspgraph.test");
    await ask("admin@mspgraph.test", "STAFF");
    expect((await reset(tokenIn(await sendAndLink()))).ok).toBe(true);
    const login = (await t.gql(LOGIN("login"), { i: { email: "admin@mspgraph.test", password: NEW_PASSWORD } })).data!.login;
    expect(login).toMatchObject({ accessToken: null, mfaRequired: true });
  });

  it("keeps every token out of the logs, the audit trail and the outbox", async () => {
    const tokens = smtp.received.map((_mail, index) => tokenIn(linkIn(index)));
    expect(tokens.length).toBeGreaterThan(5);
    const events = await t.database.prisma.auditEvent.findMany({ where: { action: { startsWith: "auth.password_reset" } } });
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["auth.password_reset_requested", "auth.password_reset"]));
    const stored = JSON.stringify([events, await t.database.prisma.mailOutbox.findMany(), await t.database.prisma.passwordReset.findMany()]);
    const logs = t.logs.join("\n");
    for (const token of tokens) {
      expect(logs).not.toContain(token);
      expect(stored).not.toContain(token);
    }
    expect(logs).not.toContain("reset-password?token");
    expect(stored).not.toContain(NEW_PASSWORD);
  });
});
