import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, type TestApi, codeOf, createTestApi, gid } from "./testing/test-api.js";

const northwind = gid("Partner", seedId("partner", "northwind-msp"));
const SUSPEND = "mutation ($i: SuspendPartnerInput!) { suspendPartner(input: $i) { partner { slug suspendedAt } userErrors { field code } } }";
const REACTIVATE = "mutation ($i: ReactivatePartnerInput!) { reactivatePartner(input: $i) { partner { slug suspendedAt } userErrors { field code } } }";
const REFRESH = "mutation ($i: RefreshSessionInput!) { refreshSession(input: $i) { accessToken } }";
const START = "mutation ($i: StartImpersonationInput!) { startImpersonation(input: $i) { accessToken userErrors { field code message } } }";
const login = (field: "login" | "clientLogin") => `mutation ($i: LoginInput!) { ${field}(input: $i) { accessToken userErrors { code message } } }`;
const SUSPENDED = "This partner's access is suspended: contact the platform's support";

describe("a suspended partner", () => {
  let t: TestApi;
  let admin: string;
  let owner: { accessToken: string; refreshToken: string };
  let viewer: { accessToken: string; refreshToken: string };
  let apiKey: string;
  let asNorthwind: string;
  const before = { clients: 0, tickets: 0 };

  beforeAll(async () => {
    // Streams re-check often, so one suspended in another API instance would end quickly too.
    t = await createTestApi({ sessionCheckIntervalMs: 250 });
    admin = await t.tokenFor("admin@mspgraph.test");
    owner = await t.signIn("owner@northwind-msp.test");
    viewer = await t.signIn("viewer@fabrikam.test");
    apiKey = (await t.gql('mutation { createApiKey(input: { name: "Billing sync", scopes: [READ] }) { key } }', {}, { token: owner.accessToken })).data!.createApiKey.key;
    asNorthwind = (await t.gql(START, { i: { partnerId: northwind, reason: "Ticket 99" } }, { token: admin })).data!.startImpersonation.accessToken;
    const partnerId = seedId("partner", "northwind-msp");
    before.clients = await t.database.prisma.client.count({ where: { partnerId } });
    before.tickets = await t.database.prisma.ticket.count({ where: { partnerId } });
  });
  afterAll(() => t.close());

  const expectSuspended = (response: GraphQLResponse & { status?: number }) => {
    expect(response.errors?.[0]).toMatchObject({ message: SUSPENDED, extensions: { code: "UNAUTHENTICATED", reason: "PARTNER_SUSPENDED" } });
  };

  it("refuses its staff's, client users', API keys' and impersonators' tokens at the next request, and ends their streams", async () => {
    const sub = await t.subscribe("subscription { alertChanged { change } }", {}, { token: await t.tokenFor("tech@northwind-msp.test") });
    expect(await sub.next(300)).toBe("timeout");
    const suspended = (await t.gql(SUSPEND, { i: { id: northwind, reason: "Unpaid invoices" } }, { token: admin })).data!.suspendPartner;
    expect(suspended).toMatchObject({ partner: { slug: "northwind-msp", suspendedAt: expect.any(String) }, userErrors: [] });

    for (const token of [owner.accessToken, viewer.accessToken, apiKey, asNorthwind]) {
      const response = await t.gql("{ viewer { name } clients(first: 1) { totalCount } }", {}, { token });
      expect(response.status).toBe(401);
      expectSuspended(response);
      expect(response.data ?? null).toBeNull();
    }
    for (const refreshToken of [owner.refreshToken, viewer.refreshToken]) expectSuspended(await t.gql(REFRESH, { i: { refreshToken } }));

    const ended = await sub.next(5_000);
    expect((ended as GraphQLResponse).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await sub.next(5_000)).toBe("complete");
  });

  it("refuses sign-in with a plain reason, told only to someone with the right password", async () => {
    for (const [field, email] of [["login", "owner@northwind-msp.test"], ["clientLogin", "admin@fabrikam.test"]] as const) {
      const refused = (await t.gql(login(field), { i: { email, password: DEMO_PASSWORD } })).data![field];
      expect(refused).toEqual({ accessToken: null, userErrors: [{ code: "PARTNER_SUSPENDED", message: SUSPENDED }] });
      const wrong = (await t.gql(login(field), { i: { email, password: "not the password" } })).data![field];
      expect(wrong.userErrors).toMatchObject([{ code: "INVALID_CREDENTIALS" }]);
    }
  });

  it("cannot be impersonated, nor suspended twice; other partners and its data are untouched", async () => {
    const refused = (await t.gql(START, { i: { partnerId: northwind, reason: "Ticket 100" } }, { token: admin })).data!.startImpersonation;
    expect(refused).toEqual({ accessToken: null, userErrors: [{ field: "partnerId", code: "PARTNER_SUSPENDED", message: "Northwind MSP is suspended: reactivate it to view as it" }] });
    expect((await t.gql(SUSPEND, { i: { id: northwind } }, { token: admin })).data!.suspendPartner.userErrors).toEqual([{ field: "id", code: "CONFLICT" }]);

    const contoso = await t.gql("{ clients(first: 5) { totalCount } }", {}, { token: await t.tokenFor("owner@contoso-it.test") });
    expect(contoso.data!.clients.totalCount).toBe(2);
    expect((await t.gql("{ viewer { client { name } } }", {}, { token: await t.tokenFor("admin@litware.test") })).data!.viewer.client.name).toBe("Litware Law");
    const partners = await t.gql("{ partners(first: 5) { edges { node { slug suspendedAt } } } }", {}, { token: admin });
    expect(partners.data!.partners.edges.map((e: { node: { slug: string; suspendedAt: string | null } }) => [e.node.slug, e.node.suspendedAt !== null])).toEqual([
      ["contoso-it", false],
      ["northwind-msp", true],
    ]);
    const partnerId = seedId("partner", "northwind-msp");
    expect({ clients: await t.database.prisma.client.count({ where: { partnerId } }), tickets: await t.database.prisma.ticket.count({ where: { partnerId } }) }).toEqual(before);
  });

  it("is restored by reactivation: the same tokens, refresh tokens and API key work again", async () => {
    const reactivated = (await t.gql(REACTIVATE, { i: { id: northwind } }, { token: admin })).data!.reactivatePartner;
    expect(reactivated).toEqual({ partner: { slug: "northwind-msp", suspendedAt: null }, userErrors: [] });
    for (const token of [owner.accessToken, viewer.accessToken, apiKey, asNorthwind]) {
      expect((await t.gql("{ tickets(first: 1) { totalCount } }", {}, { token })).data!.tickets.totalCount).toBeGreaterThan(0);
    }
    for (const refreshToken of [owner.refreshToken, viewer.refreshToken]) {
      expect((await t.gql(REFRESH, { i: { refreshToken } })).data!.refreshSession.accessToken).toEqual(expect.any(String));
    }
    expect((await t.gql(login("login"), { i: { email: "tech@northwind-msp.test", password: DEMO_PASSWORD } })).data!.login.accessToken).toEqual(expect.any(String));
    expect((await t.gql(REACTIVATE, { i: { id: northwind } }, { token: admin })).data!.reactivatePartner.userErrors).toEqual([{ field: "id", code: "CONFLICT" }]);
  });

  it("is for platform admins to suspend and reactivate", async () => {
    for (const token of [owner.accessToken, await t.tokenFor("owner@contoso-it.test"), apiKey, asNorthwind]) {
      expect(codeOf(await t.gql(SUSPEND, { i: { id: northwind } }, { token }))).toBe("FORBIDDEN");
      expect(codeOf(await t.gql(REACTIVATE, { i: { id: northwind } }, { token }))).toBe("FORBIDDEN");
    }
    expect(codeOf(await t.gql(SUSPEND, { i: { id: northwind } }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await t.gql(SUSPEND, { i: { id: gid("Partner", "00000000-0000-4000-8000-000000000000") } }, { token: admin }))).toBe("NOT_FOUND");
    expect((await t.gql(SUSPEND, { i: { id: northwind, reason: "x".repeat(501) } }, { token: admin })).data!.suspendPartner.userErrors).toEqual([{ field: "reason", code: "BAD_USER_INPUT" }]);
    expect(await t.database.prisma.partner.count({ where: { suspendedAt: { not: null } } })).toBe(0);
  });

  it("is in the audit trail, with the stated reason and no secret", async () => {
    const events = await t.database.prisma.auditEvent.findMany({ where: { action: { in: ["mutation.suspendPartner", "mutation.reactivatePartner"] }, outcome: "SUCCESS" }, orderBy: { at: "asc" } });
    expect(events).toMatchObject([
      { action: "mutation.suspendPartner", actorId: seedId("staff", "admin@mspgraph.test"), partnerId: seedId("partner", "northwind-msp"), targetType: "Partner", metadata: { reason: "Unpaid invoices" } },
      { action: "mutation.reactivatePartner", actorId: seedId("staff", "admin@mspgraph.test"), partnerId: seedId("partner", "northwind-msp"), targetType: "Partner" },
    ]);
    const refusals = await t.database.prisma.auditEvent.findMany({ where: { action: { in: ["auth.login", "auth.client_login"] }, outcome: "FAILURE", metadata: { path: ["error"], equals: "PARTNER_SUSPENDED" } } });
    expect(refusals.map((e) => e.actorLabel).sort()).toEqual(["admin@fabrikam.test", "owner@northwind-msp.test"]);
    const all = JSON.stringify(await t.database.prisma.auditEvent.findMany());
    for (const secret of [apiKey, owner.accessToken, owner.refreshToken, viewer.refreshToken, DEMO_PASSWORD]) expect(all).not.toContain(secret);
  });
});
