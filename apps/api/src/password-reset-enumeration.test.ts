import { randomUUID } from "node:crypto";
import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const REQUEST = "mutation ($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { ok userErrors { field message code } } }";
const resetMails = (t: TestApi, recipient?: string) => t.database.prisma.mailOutbox.count({ where: { template: "password-reset", ...(recipient ? { recipient } : {}) } });

describe("asking for a password reset", () => {
  let t: TestApi;
  // The response exactly as the caller receives it: status, headers that vary, and body bytes.
  const raw = async (email: string, kind: "STAFF" | "CLIENT", remoteAddress: string) => {
    const request = new Request("http://test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: REQUEST, variables: { i: { email, kind } } }) });
    const response = await t.api.fetch(request, { remoteAddress });
    return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
  };

  beforeAll(async () => {
    t = await createTestApi();
    const prisma = t.database.prisma;
    await prisma.staffUser.update({ where: { email: "tech@northwind-msp.test" }, data: { disabledAt: new Date() } });
    await prisma.partner.update({ where: { id: seedId("partner", "contoso-it") }, data: { suspendedAt: new Date() } });
    const fabrikam = await prisma.client.findFirstOrThrow({ where: { name: "Fabrikam Dental" } });
    await prisma.clientUser.create({ data: { partnerId: fabrikam.partnerId, clientId: fabrikam.id, email: "invited@fabrikam.test", name: "Ivy", role: "VIEW_ONLY", invitationTokenHash: randomUUID() } });
  });
  afterAll(() => t.close());

  it("answers byte for byte the same for an account, an unknown, disabled, invited-only or suspended one; only the account gets mail", async () => {
    const cases: Array<[string, "STAFF" | "CLIENT"]> = [
      ["owner@northwind-msp.test", "STAFF"],
      ["nobody@northwind-msp.test", "STAFF"],
      ["tech@northwind-msp.test", "STAFF"],
      ["owner@contoso-it.test", "STAFF"],
      ["invited@fabrikam.test", "CLIENT"],
      ["admin@litware.test", "CLIENT"],
      ["owner@northwind-msp.test", "CLIENT"],
    ];
    const answers = [];
    for (const [index, [email, kind]] of cases.entries()) answers.push(await raw(email, kind, `192.0.2.${index + 1}`));
    expect(answers[0]).toEqual({ status: 200, type: expect.stringContaining("application/json"), body: JSON.stringify({ data: { requestPasswordReset: { ok: true, userErrors: [] } }, extensions: {} }) });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await resetMails(t)).toBe(1);
    expect(await resetMails(t, "owner@northwind-msp.test")).toBe(1);
    // The trail says what happened, for the partner and the platform, without any token.
    const events = await t.database.prisma.auditEvent.findMany({ where: { action: "auth.password_reset_requested" }, orderBy: { at: "asc" } });
    expect(events.map((event) => [event.outcome, (event.metadata as { error?: string }).error ?? null])).toEqual([
      ["SUCCESS", null],
      ["FAILURE", "no account"],
      ["FAILURE", "not eligible"],
      ["FAILURE", "not eligible"],
      ["FAILURE", "not eligible"],
      ["FAILURE", "not eligible"],
      ["FAILURE", "no account"],
    ]);
  });

  it("mails one address at most 3 times an hour, answering the same after", async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await raw("admin@fabrikam.test", "CLIENT", `203.0.113.${i + 1}`));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(JSON.parse(answers[0]!.body).data.requestPasswordReset.ok).toBe(true);
    expect(await resetMails(t, "admin@fabrikam.test")).toBe(3);
  });

  it("refuses a 21st request in an hour from one IPv6 /64 with RATE_LIMITED, for known and unknown addresses alike", async () => {
    for (let i = 0; i < 20; i++) {
      const answer = await raw(`ghost${i}@example.test`, "STAFF", `2001:db8:1:2::${(i + 1).toString(16)}`);
      expect(JSON.parse(answer.body).data.requestPasswordReset.ok).toBe(true);
    }
    const known = JSON.parse((await raw("admin@mspgraph.test", "STAFF", "2001:db8:1:2:ffff::9")).body);
    const unknown = JSON.parse((await raw("ghost99@example.test", "STAFF", "2001:db8:1:2::77")).body);
    expect(codeOf(known)).toBe("RATE_LIMITED");
    expect(known.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(unknown.errors[0].message).toBe(known.errors[0].message);
    expect(await resetMails(t, "admin@mspgraph.test")).toBe(0);
    // Another network is not held back.
    expect(JSON.parse((await raw("ghost99@example.test", "STAFF", "2001:db8:1:3::1")).body).data.requestPasswordReset.ok).toBe(true);
  });

  it("says what is wrong with an input that is no email, without looking it up", async () => {
    const response = await t.gql(REQUEST, { i: { email: "not an email", kind: "STAFF" } }, { remoteAddress: "192.0.2.200" });
    expect(response.data!.requestPasswordReset).toEqual({ ok: false, userErrors: [{ field: "email", message: "must be an email address", code: "BAD_USER_INPUT" }] });
    expect(codeOf(await t.gql(REQUEST, { i: { email: "a@b.test", kind: "ADMIN" } }))).toBe("BAD_USER_INPUT");
  });

  it("lets a caller without a session use these two mutations and nothing beside them", async () => {
    const reset = await t.gql("mutation { resetPassword(input: { token: \"mspw_nope\", newPassword: \"a long enough passphrase\" }) { ok userErrors { code } } }");
    expect(reset.data!.resetPassword).toEqual({ ok: false, userErrors: [{ code: "NOT_FOUND" }] });
    const both = await t.gql('mutation { requestPasswordReset(input: { email: "a@b.test", kind: STAFF }) { ok } createClient(input: { name: "x", domain: "x.test" }) { userErrors { code } } }');
    expect(codeOf(both)).toBe("UNAUTHENTICATED");
    expect(both.data ?? null).toBeNull();
  });
});
