import { createHash, createHmac, randomBytes } from "node:crypto";
import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import { canonicalJson } from "@mspgraph/schema";
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
    expect(events[0]!.metadata).toEqual({ fields: ["clientId", "email", "name", "role"], values: { clientId: fabrikam, role: "VIEW_ONLY" } });
    expect(JSON.stringify(events[0])).not.toContain("audited@fabrikam.test");
  });

  it("records acceptClientInvitation, failed and accepted, without the token or password", async () => {
    const bogus = await eventsOf(() => t.gql('mutation { acceptClientInvitation(input: { token: "bogus", password: "a long enough password" }) { ok } }'));
    expect(bogus.map((e) => [e.action, e.outcome])).toEqual([["auth.invitation_accepted", "FAILURE"]]);
    expect(JSON.stringify(bogus)).not.toContain("a long enough password");
    const invite = await t.gql("mutation ($i: InviteClientUserInput!) { inviteClientUser(input: $i) { clientUser { id } invitationToken } }", { i: { clientId: fabrikam, email: "joiner@fabrikam.test", name: "Joiner", role: "VIEW_ONLY" } }, { token: owner });
    const token = invite.data!.inviteClientUser.invitationToken as string;
    const accepted = await eventsOf(() => t.gql("mutation ($i: AcceptClientInvitationInput!) { acceptClientInvitation(input: $i) { ok } }", { i: { token, password: "a long enough password" } }));
    expect(accepted.map((e) => [e.action, e.outcome, e.actorLabel, e.targetType, e.clientId])).toEqual([["auth.invitation_accepted", "SUCCESS", "joiner@fabrikam.test", "ClientUser", seedId("client", "fabrikam")]]);
    expect(JSON.stringify(accepted)).not.toContain(token);
  });

  it("shows a client admin their users' acts and public ticket acts, with staff by name only, and nothing staff-only", async () => {
    const staffHeaders = { "user-agent": "staff-browser/9.9" };
    const created = await t.gql('mutation ($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }', { i: { clientId: fabrikam, subject: "Visible subject" } }, { token: owner, headers: staffHeaders, remoteAddress: "198.51.100.23" });
    const ticketId = created.data!.createTicket.ticket.id as string;
    const COMMENT = "mutation ($i: AddTicketCommentInput!) { addTicketComment(input: $i) { userErrors { code } } }";
    await t.gql(COMMENT, { i: { ticketId, body: "staff-only fuser note", hidden: true } }, { token: owner, headers: staffHeaders, remoteAddress: "198.51.100.23" });
    await t.gql(COMMENT, { i: { ticketId, body: "a public reply" } }, { token: owner, headers: staffHeaders, remoteAddress: "198.51.100.23" });
    const admin = await t.tokenFor("admin@fabrikam.test");
    const QUERY = "{ auditEvents(first: 100) { edges { node { id action actorType actorId actorLabel actorName ip userAgent impersonationChain targetId metadata } } } }";
    const trail = await t.gql(QUERY, {}, { token: admin });
    const nodes = trail.data!.auditEvents.edges.map((e: { node: Record<string, string | null> }) => e.node);
    const staffActs = nodes.filter((n: Record<string, unknown>) => n.actorType === "STAFF");
    expect(staffActs.map((n: Record<string, unknown>) => [n.action, n.actorLabel, n.actorId, n.ip, n.userAgent])).toEqual(
      expect.arrayContaining([
        ["mutation.addTicketComment", "Nora Owens", null, null, null],
        ["mutation.createTicket", "Nora Owens", null, null, null],
      ]),
    );
    expect(staffActs.filter((n: Record<string, unknown>) => n.action === "mutation.addTicketComment")).toHaveLength(1);
    expect(nodes.some((n: Record<string, unknown>) => n.action === "auth.client_login" && n.actorLabel === "admin@fabrikam.test")).toBe(true);
    expect(nodes.some((n: Record<string, unknown>) => String(n.action).startsWith("impersonation."))).toBe(false);
    const text = JSON.stringify(trail);
    for (const secret of ["staff-only fuser note", "a public reply", "Visible subject", "owner@northwind-msp.test", "198.51.100.23", "staff-browser"]) expect(text).not.toContain(secret);
    // The hidden comment's event is out of reach by id too.
    const hiddenEvent = await t.database.prisma.auditEvent.findFirstOrThrow({ where: { action: "mutation.addTicketComment", clientVisible: false, targetId: { not: null } } });
    const byId = await t.gql("query ($id: ID!) { node(id: $id) { id } }", { id: gid("AuditEvent", hiddenEvent.id) }, { token: admin });
    expect(byId.data!.node).toBeNull();
    const staffView = JSON.stringify((await t.gql(QUERY, {}, { token: owner })).data);
    expect(staffView).toContain("owner@northwind-msp.test");
    expect(staffView).toContain("198.51.100.23");
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
    await expect(t.database.sql.exec(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
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

  // What the database's owner can do: switch the trigger off, edit, and recompute every hash.
  async function rewriteChain(chain: string, hashOf: (prevHash: string, fields: Record<string, unknown>) => string) {
    const events = await t.database.prisma.auditEvent.findMany({ where: { chain }, orderBy: { seq: "asc" } });
    let prev = "0".repeat(64);
    const statements = ["SET session_replication_role = replica;"];
    for (const { id, prevHash: _p, hash: _h, ...fields } of events) {
      const edited = fields.seq === 2 ? { ...fields, actorLabel: "someone else" } : fields;
      const hash = hashOf(prev, edited);
      statements.push(`UPDATE "AuditEvent" SET "actorLabel" = '${String(edited.actorLabel ?? "").replace(/'/g, "''")}', "prevHash" = '${prev}', hash = '${hash}' WHERE id = '${id}';`);
      prev = hash;
    }
    statements.push(`UPDATE "AuditChainHead" SET "lastHash" = '${prev}' WHERE chain = '${chain}';`, "SET session_replication_role = origin;");
    await t.database.session((sql) => sql.exec(statements.join("\n")));
  }

  it.each([
    ["plain SHA-256", (prev: string, fields: Record<string, unknown>) => createHash("sha256").update(`${prev}\n${canonicalJson(fields)}`).digest("hex")],
    ["a wrong key", (prev: string, fields: Record<string, unknown>) => createHmac("sha256", randomBytes(32)).update(`${prev}\n${canonicalJson(fields)}`).digest("hex")],
  ])("reports a chain edited and recomputed with %s as broken", async (_name, hashOf) => {
    const contoso = seedId("partner", "contoso-it");
    await t.gql("{ viewer { email } }", {}, { token: await t.tokenFor("tech@contoso-it.test") });
    await t.tokenFor("owner@contoso-it.test");
    await rewriteChain(contoso, hashOf);
    const admin = await t.tokenFor("admin@mspgraph.test");
    const report = (await t.gql("{ verifyAuditChain { ok firstBroken { chain seq reason } } }", {}, { token: admin })).data!.verifyAuditChain;
    expect(report).toMatchObject({ ok: false, firstBroken: { chain: contoso, seq: 1 } });
  });

  it("checks events filed under a chain that has no head", async () => {
    const fresh = await createTestApi();
    try {
      await fresh.tokenFor("owner@northwind-msp.test");
      const admin = await fresh.tokenFor("admin@mspgraph.test");
      const VERIFY = "{ verifyAuditChain { ok firstBroken { chain reason } } }";
      expect((await fresh.gql(VERIFY, {}, { token: admin })).data!.verifyAuditChain).toMatchObject({ ok: true });
      await fresh.database.sql.exec(`INSERT INTO "AuditEvent" (id, chain, seq, action, outcome, "actorType", metadata, "prevHash", hash) VALUES (gen_random_uuid(), 'forged', 1, 'auth.login', 'SUCCESS', 'STAFF', '{}', '${"0".repeat(64)}', 'x')`);
      expect((await fresh.gql(VERIFY, {}, { token: admin })).data!.verifyAuditChain).toMatchObject({ ok: false, firstBroken: { chain: "forged" } });
    } finally {
      await fresh.close();
    }
  });
});
