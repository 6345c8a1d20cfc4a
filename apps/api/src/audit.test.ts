import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./testing/isolation-fixtures.js";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const fabrikam = gid("Client", seedId("client", "fabrikam"));
const northwindId = seedId("partner", "northwind-msp");

describe("audit trail", () => {
  let t: TestApi;
  let owner: string;
  beforeAll(async () => {
    t = await createTestApi();
    owner = await t.tokenFor("owner@northwind-msp.test");
  });
  afterAll(() => t.close());

  /** Runs `act` and returns the events it wrote: exactly the ones appended meanwhile. */
  async function eventsOf(act: () => Promise<unknown>) {
    const before = new Date();
    const count = await t.database.prisma.auditEvent.count();
    await act();
    const events = await t.database.prisma.auditEvent.findMany({ where: { at: { gte: before } }, orderBy: { at: "asc" } });
    expect(await t.database.prisma.auditEvent.count()).toBe(count + events.length);
    return events;
  }
  const login = (email: string, password: string, field = "login") =>
    t.gql(`mutation ($i: LoginInput!) { ${field}(input: $i) { accessToken refreshToken } }`, { i: { email, password } }, { headers: { "user-agent": "audit-test/1.0" } });

  it.each([
    ["a staff sign-in", () => login("tech@northwind-msp.test", DEMO_PASSWORD), "auth.login", "SUCCESS", seedId("staff", "tech@northwind-msp.test")],
    ["a failed staff sign-in", () => login("tech@northwind-msp.test", "wrong"), "auth.login", "FAILURE", seedId("staff", "tech@northwind-msp.test")],
    ["a client sign-in", () => login("admin@fabrikam.test", DEMO_PASSWORD, "clientLogin"), "auth.client_login", "SUCCESS", seedId("client-user", "admin@fabrikam.test")],
    ["a failed client sign-in", () => login("admin@fabrikam.test", "wrong", "clientLogin"), "auth.client_login", "FAILURE", seedId("client-user", "admin@fabrikam.test")],
  ])("records exactly one event for %s, with actor, partner, IP and user agent", async (_name, act, action, outcome, actorId) => {
    const events = await eventsOf(act);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action, outcome, actorId, partnerId: northwindId, userAgent: "audit-test/1.0", ip: expect.any(String) });
  });

  it("records one event for a mutation, naming its target, with secrets redacted", async () => {
    const events = await eventsOf(() =>
      t.gql("mutation ($i: InviteClientUserInput!) { inviteClientUser(input: $i) { invitationToken } }", { i: { clientId: fabrikam, email: "audited@fabrikam.test", name: "Audited", role: "VIEW_ONLY" } }, { token: owner }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "mutation.inviteClientUser",
      outcome: "SUCCESS",
      actorType: "STAFF",
      actorId: seedId("staff", "owner@northwind-msp.test"),
      actorLabel: "owner@northwind-msp.test",
      targetType: "ClientUser",
      partnerId: northwindId,
      clientId: seedId("client", "fabrikam"),
    });
    const accept = await eventsOf(() => t.gql('mutation { acceptClientInvitation(input: { token: "bogus", password: "a long enough password" }) { ok } }'));
    expect(JSON.stringify(accept)).not.toContain("a long enough password");
  });

  it("files a refused reach into another partner's client under the actor's own partner", async () => {
    const intruder = await t.tokenFor("owner@contoso-it.test");
    const events = await eventsOf(() => t.gql("mutation ($i: ArchiveClientInput!) { archiveClient(input: $i) { userErrors { code } } }", { i: { id: fabrikam } }, { token: intruder }));
    expect(events.map((e) => [e.action, e.outcome, e.partnerId, e.clientId])).toEqual([["mutation.archiveClient", "FAILURE", seedId("partner", "contoso-it"), null]]);
    const northwindTrail = await t.gql("{ auditEvents(first: 100) { edges { node { actorLabel } } } }", {}, { token: owner });
    expect(JSON.stringify(northwindTrail.data)).not.toContain("contoso-it.test");
  });

  it("records a failed mutation as one FAILURE event", async () => {
    const events = await eventsOf(() => t.gql('mutation { createClient(input: { name: "", domain: "x" }) { userErrors { code } } }', {}, { token: owner }));
    expect(events.map((e) => [e.action, e.outcome])).toEqual([["mutation.createClient", "FAILURE"]]);
  });

  it("records refresh-token reuse and logout", async () => {
    const session = (await login("tech@northwind-msp.test", DEMO_PASSWORD)).data!.login;
    const REFRESH = "mutation ($i: RefreshSessionInput!) { refreshSession(input: $i) { accessToken } }";
    await t.gql(REFRESH, { i: { refreshToken: session.refreshToken } });
    const reuse = await eventsOf(() => t.gql(REFRESH, { i: { refreshToken: session.refreshToken } }));
    expect(reuse.map((e) => [e.action, e.targetType, e.partnerId])).toEqual([["auth.refresh_token_reused", "AuthSession", northwindId]]);
    const fresh = (await login("tech@northwind-msp.test", DEMO_PASSWORD)).data!.login;
    const out = await eventsOf(() => t.gql("mutation { logout { ok } }", {}, { token: fresh.accessToken }));
    expect(out.map((e) => [e.action, e.actorId])).toEqual([["auth.logout", seedId("staff", "tech@northwind-msp.test")]]);
  });

  it("shows partner managers their partner's events and client admins their client's", async () => {
    const QUERY = "{ auditEvents(first: 100) { totalCount edges { node { partnerId clientId action } } } }";
    const own = (await t.gql(QUERY, {}, { token: owner })).data!.auditEvents.edges.map((e: { node: { partnerId: string } }) => e.node.partnerId);
    expect(new Set(own)).toEqual(new Set([northwindId]));
    const clientAdmin = await t.tokenFor("admin@fabrikam.test");
    const theirs = (await t.gql(QUERY, {}, { token: clientAdmin })).data!.auditEvents.edges.map((e: { node: { clientId: string } }) => e.node.clientId);
    expect(theirs.length).toBeGreaterThan(0);
    expect(new Set(theirs)).toEqual(new Set([seedId("client", "fabrikam")]));
    const filtered = await t.gql('{ auditEvents(first: 100, filter: { action: "auth.*" }) { edges { node { action } } } }', {}, { token: owner });
    expect(filtered.data!.auditEvents.edges.every((e: { node: { action: string } }) => e.node.action.startsWith("auth."))).toBe(true);
    expect(codeOf(await t.gql(QUERY, {}, { token: await t.tokenFor("tech@northwind-msp.test") }))).toBe("FORBIDDEN");
  });

  it("is append-only in the database", async () => {
    await expect(t.database.sql.exec(`UPDATE "AuditEvent" SET action = 'nothing happened'`)).rejects.toThrow(/append-only/);
    await expect(t.database.sql.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("verifyAuditChain passes, then names the first tampered event", async () => {
    const admin = await t.tokenFor("admin@mspgraph.test");
    const VERIFY = "{ verifyAuditChain { ok eventsChecked firstBroken { chain seq eventId reason } } }";
    const clean = (await t.gql(VERIFY, {}, { token: admin })).data!.verifyAuditChain;
    expect(clean).toMatchObject({ ok: true, firstBroken: null });
    expect(clean.eventsChecked).toBeGreaterThan(5);

    const victim = await t.database.prisma.auditEvent.findFirstOrThrow({ where: { chain: northwindId, seq: 3 } });
    // Only someone who can switch triggers off (a superuser) can edit history at all.
    await t.database.session((sql) => sql.exec(`SET session_replication_role = replica; UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE id = '${victim.id}'; SET session_replication_role = origin;`));
    const report = (await t.gql(VERIFY, {}, { token: admin })).data!.verifyAuditChain;
    expect(report).toMatchObject({ ok: false, firstBroken: { chain: northwindId, seq: 3, eventId: victim.id, reason: expect.stringContaining("changed") } });
  });
});
