import { seedId } from "@mspgraph/db";
import { createLogger, processDueMail } from "@mspgraph/schema/server";
import { type TestSmtpServer, startTestSmtpServer } from "@mspgraph/schema/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi, gid } from "./testing/test-api.js";

const FROM = "mspgraph <no-reply@platform.example.test>";
const CREATE = `mutation ($i: CreatePartnerInput!) { createPartner(input: $i) {
  partner { id name slug suspendedAt lastActivityAt clients(first: 5) { totalCount } staffUsers(first: 5) { totalCount edges { node { name email role } } } }
  invitationLink userErrors { field code message } } }`;
const START = "mutation ($i: StartImpersonationInput!) { startImpersonation(input: $i) { accessToken userErrors { code } } }";
const acme = { name: "Acme IT", slug: "acme-it", ownerEmail: "Olivia@Acme-IT.test", ownerName: "Olivia Stone" };

describe("createPartner, with the owner's invitation emailed over SMTP", () => {
  let t: TestApi;
  let smtp: TestSmtpServer;
  let admin: string;
  const create = async (input: Record<string, string>, token = admin) => (await t.gql(CREATE, { i: input }, { token })).data!.createPartner;

  beforeAll(async () => {
    t = await createTestApi({ mail: { publicUrl: "https://app.example.test", from: FROM, delivers: true } });
    smtp = await startTestSmtpServer();
    admin = await t.tokenFor("admin@mspgraph.test");
  });
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  it("creates an empty partner and emails its first OWNER a one-time link to /accept-invitation, valid 7 days", async () => {
    const created = await create(acme);
    expect(created).toMatchObject({
      partner: { name: "Acme IT", slug: "acme-it", suspendedAt: null, lastActivityAt: null, clients: { totalCount: 0 } },
      invitationLink: null,
      userErrors: [],
    });
    expect(created.partner.staffUsers).toEqual({ totalCount: 1, edges: [{ node: { name: "Olivia Stone", email: "olivia@acme-it.test", role: "OWNER" } }] });
    const owner = await t.database.prisma.staffUser.findUniqueOrThrow({ where: { email: "olivia@acme-it.test" } });
    expect(owner.passwordHash).toBeNull();
    expect(Math.abs(owner.invitationExpiresAt!.getTime() - Date.now() - 7 * 24 * 3600_000)).toBeLessThan(60_000);

    const send = () => processDueMail({ database: t.database, keyRing: t.keyRing, smtpUrl: smtp.url, from: FROM, logger: createLogger({ level: "silent" }) });
    expect(await send()).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(["olivia@acme-it.test"]);
    expect(mail!.subject).toBe("You are invited to join Acme IT on mspgraph");
    const link = mail!.text!.match(/https:\/\/\S+/)![0];
    expect(link).toMatch(/^https:\/\/app\.example\.test\/accept-invitation\?token=mspi_/);
    expect(mail!.html).toContain(`href="${link}"`);
    const token = new URL(link).searchParams.get("token")!;
    expect(t.logs.join("\n")).not.toContain(token);
    expect(JSON.stringify(await t.database.prisma.auditEvent.findMany())).not.toContain(token);
  });

  it("keeps the new partner's data apart: it sees no other partner's clients, and others do not see it", async () => {
    const acmeId = (await t.database.prisma.partner.findUniqueOrThrow({ where: { slug: "acme-it" } })).id;
    const asAcme = (await t.gql(START, { i: { partnerId: gid("Partner", acmeId), reason: "Onboarding check" } }, { token: admin })).data!.startImpersonation;
    const seen = await t.gql("{ clients(first: 10) { totalCount } tickets(first: 10) { totalCount } apiKeys(first: 10) { totalCount } }", {}, { token: asAcme.accessToken });
    expect(seen.data).toEqual({ clients: { totalCount: 0 }, tickets: { totalCount: 0 }, apiKeys: { totalCount: 0 } });
    const northwindOwner = await t.tokenFor("owner@northwind-msp.test");
    const northwind = await t.gql("{ clients(first: 10) { totalCount } }", {}, { token: northwindOwner });
    expect(northwind.data!.clients.totalCount).toBe(2);
    expect(codeOf(await t.gql("{ partners(first: 10) { totalCount } }", {}, { token: northwindOwner }))).toBe("FORBIDDEN");
  });

  it("answers BAD_USER_INPUT for each invalid field, and CONFLICT for a taken slug", async () => {
    const invalid = await create({ name: " ", slug: "Acme_IT", ownerEmail: "not-an-email", ownerName: "" });
    expect(invalid.partner).toBeNull();
    expect(invalid.userErrors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ["name", "BAD_USER_INPUT"],
      ["slug", "BAD_USER_INPUT"],
      ["ownerEmail", "BAD_USER_INPUT"],
      ["ownerName", "BAD_USER_INPUT"],
    ]);
    for (const slug of ["a", "x".repeat(41), "has space", "UPPER"]) {
      expect((await create({ ...acme, slug, ownerEmail: "new@acme.test" })).userErrors).toMatchObject([{ field: "slug", code: "BAD_USER_INPUT" }]);
    }
    expect((await create({ ...acme, slug: "northwind-msp", ownerEmail: "new@acme.test" })).userErrors).toEqual([
      { field: "slug", code: "CONFLICT", message: "a partner with this slug already exists" },
    ]);
  });

  it("leaves nothing behind when a step fails after the partner was written (a taken owner email)", async () => {
    const before = { partners: await t.database.prisma.partner.count(), mail: await t.database.prisma.mailOutbox.count() };
    // Any staff user's email is taken, whatever its case: here a platform admin's.
    const taken = await create({ name: "Half Written", slug: "half-written", ownerEmail: "ADMIN@mspgraph.test", ownerName: "Nobody" });
    expect(taken).toEqual({ partner: null, invitationLink: null, userErrors: [{ field: "ownerEmail", code: "CONFLICT", message: "a staff user with this email already exists" }] });
    expect(await t.database.prisma.partner.findUnique({ where: { slug: "half-written" } })).toBeNull();
    expect(await t.database.prisma.partner.count()).toBe(before.partners);
    expect(await t.database.prisma.mailOutbox.count()).toBe(before.mail);
  });

  it("is for platform admins only, as are a partner's suspendedAt and lastActivityAt", async () => {
    const input = { ...acme, slug: "not-allowed", ownerEmail: "x@not-allowed.test" };
    for (const email of ["owner@northwind-msp.test", "admin@fabrikam.test"]) {
      expect(codeOf(await t.gql(CREATE, { i: input }, { token: await t.tokenFor(email) }))).toBe("FORBIDDEN");
    }
    expect(codeOf(await t.gql(CREATE, { i: input }))).toBe("UNAUTHENTICATED");
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const key = (await t.gql('mutation { createApiKey(input: { name: "k", scopes: [READ, WRITE] }) { key } }', {}, { token: owner })).data!.createApiKey.key;
    expect(codeOf(await t.gql(CREATE, { i: input }, { token: key }))).toBe("FORBIDDEN");
    expect(await t.database.prisma.partner.findUnique({ where: { slug: "not-allowed" } })).toBeNull();
    for (const field of ["suspendedAt", "lastActivityAt"]) {
      expect(codeOf(await t.gql(`{ viewer { partner { name ${field} } } }`, {}, { token: owner }))).toBe("FORBIDDEN");
    }
  });

  it("is in the audit trail under the new partner, naming the fields given but not their values", async () => {
    const acmeId = (await t.database.prisma.partner.findUniqueOrThrow({ where: { slug: "acme-it" } })).id;
    const event = await t.database.prisma.auditEvent.findFirstOrThrow({ where: { action: "mutation.createPartner", outcome: "SUCCESS" } });
    expect(event).toMatchObject({ actorType: "STAFF", actorId: seedId("staff", "admin@mspgraph.test"), partnerId: acmeId, targetType: "Partner", targetId: acmeId });
    expect(event.metadata).toMatchObject({ fields: ["name", "ownerEmail", "ownerName", "slug"] });
    expect(JSON.stringify(event)).not.toContain("olivia@acme-it.test");
    const failures = await t.database.prisma.auditEvent.findMany({ where: { action: "mutation.createPartner", outcome: "FAILURE" } });
    expect(new Set(failures.map((e) => (e.metadata as { error?: string }).error))).toEqual(new Set(["BAD_USER_INPUT,BAD_USER_INPUT,BAD_USER_INPUT,BAD_USER_INPUT", "BAD_USER_INPUT", "CONFLICT"]));
  });
});

describe("createPartner without SMTP (the embedded demo)", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  it("hands the platform admin the owner's link and keeps the mail in the outbox", async () => {
    const admin = await t.tokenFor("admin@mspgraph.test");
    const created = (await t.gql(CREATE, { i: acme }, { token: admin })).data!.createPartner;
    expect(created.userErrors).toEqual([]);
    expect(created.invitationLink).toMatch(/^http:\/\/localhost:3000\/accept-invitation\?token=mspi_/);
    const outbox = await t.database.prisma.mailOutbox.findMany({ where: { recipient: "olivia@acme-it.test" } });
    expect(outbox).toMatchObject([{ status: "PENDING", template: "staff-invitation", subject: "You are invited to join Acme IT on mspgraph" }]);
    expect(JSON.stringify(outbox)).not.toContain(new URL(created.invitationLink).searchParams.get("token"));
  });
});

describe("the partners page's query", () => {
  let t: TestApi;
  let statements: string[] = [];
  beforeAll(async () => {
    t = await createTestApi({ database: { onQuery: (sql) => statements.push(sql) } });
  });
  afterAll(() => t.close());

  const PAGE = "{ partners(first: 25) { totalCount edges { node { slug suspendedAt lastActivityAt clients(first: 1) { totalCount } staffUsers(first: 1) { totalCount } } } } }";
  const page = async (admin: string) => {
    statements = [];
    const result = await t.gql(PAGE, {}, { token: admin });
    expect(result.errors).toBeUndefined();
    return { count: statements.length, partners: result.data!.partners.edges.map((e: { node: Record<string, unknown> }) => e.node) };
  };

  it("costs the same statements for 2 partners as for 6, with each one's counts and last activity", async () => {
    const admin = await t.tokenFor("admin@mspgraph.test");
    const small = await page(admin);
    expect(small.partners).toHaveLength(2);
    // Only the partners' own people and keys count: the admin's sign-in is no partner's activity.
    expect(small.partners.map((p: { lastActivityAt: string | null }) => p.lastActivityAt)).toEqual([null, null]);
    for (const n of [1, 2, 3, 4]) {
      await t.gql(CREATE, { i: { name: `Scale ${n}`, slug: `scale-${n}`, ownerEmail: `owner@scale-${n}.example`, ownerName: "Owner" } }, { token: admin });
    }
    const before = Date.now();
    await t.tokenFor("viewer@litware.test");
    const large = await page(admin);
    expect(large.partners).toHaveLength(6);
    expect(large.count).toBe(small.count);
    const contoso = large.partners.find((p: { slug: string }) => p.slug === "contoso-it");
    expect(contoso).toMatchObject({ suspendedAt: null, clients: { totalCount: 2 }, staffUsers: { totalCount: 2 } });
    expect(new Date(contoso.lastActivityAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(large.partners.find((p: { slug: string }) => p.slug === "scale-1")).toMatchObject({ lastActivityAt: null, clients: { totalCount: 0 }, staffUsers: { totalCount: 1 } });
  });
});
