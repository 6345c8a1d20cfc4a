import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./testing/isolation-fixtures.js";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

let t: TestApi;
let owner: string;
beforeAll(async () => {
  t = await createTestApi();
  owner = await t.tokenFor("owner@northwind-msp.test");
});
afterAll(() => t.close());

const fabrikam = gid("Client", seedId("client", "fabrikam"));

describe("connections", () => {
  it.each([0, 101, -1])("refuse first: %i with BAD_USER_INPUT instead of clamping", async (first) => {
    const r = await t.gql("query ($n: Int) { clients(first: $n) { totalCount } }", { n: first }, { token: owner });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
  });

  it("checks nested connections too", async () => {
    const r = await t.gql("query ($id: ID!) { client(id: $id) { agents(first: 500) { totalCount } } }", { id: fabrikam }, { token: owner });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
  });

  it("pages forward with after, and refuses a forged cursor", async () => {
    const page1 = await t.gql("{ agents(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { hostname } } } }", {}, { token: owner });
    const { totalCount, pageInfo, edges } = page1.data!.agents;
    expect(totalCount).toBe(8);
    expect(pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql("query ($a: String) { agents(first: 2, after: $a) { edges { node { hostname } } } }", { a: pageInfo.endCursor }, { token: owner });
    const names = [...edges, ...page2.data!.agents.edges].map((e: { node: { hostname: string } }) => e.node.hostname);
    expect(new Set(names).size).toBe(4);
    expect(names).toEqual([...names].sort());
    expect(codeOf(await t.gql('{ agents(first: 2, after: "garbage") { totalCount } }', {}, { token: owner }))).toBe("BAD_USER_INPUT");
  });

  it("resolves node ids to the same objects", async () => {
    const first = await t.gql("{ agents(first: 1) { edges { node { id hostname } } } }", {}, { token: owner });
    const agent = first.data!.agents.edges[0].node;
    const node = await t.gql("query ($id: ID!) { node(id: $id) { id ... on Agent { hostname } } }", { id: agent.id }, { token: owner });
    expect(node.data!.node).toEqual(agent);
    expect(codeOf(await t.gql('{ node(id: "not-an-id") { id } }', {}, { token: owner }))).toBe("BAD_USER_INPUT");
  });
});

describe("clients", () => {
  const create = (input: Record<string, unknown>) =>
    t.gql("mutation ($input: CreateClientInput!) { createClient(input: $input) { client { id name domain branding { primaryColor } } userErrors { field code message } } }", { input }, { token: owner });

  it("creates a client, refuses a duplicate domain and bad colours with field errors", async () => {
    const first = await create({ name: "Adatum Clinic", domain: "Adatum.test", primaryColor: "#112233" });
    const made = first.data!.createClient;
    expect(made).toMatchObject({ client: { name: "Adatum Clinic", domain: "adatum.test", branding: { primaryColor: "#112233" } }, userErrors: [] });
    const again = await create({ name: "Again", domain: "adatum.test" });
    expect(again.data!.createClient.userErrors).toEqual([{ field: "domain", code: "CONFLICT", message: expect.any(String) }]);
    const bad = (await create({ name: "", domain: "not a domain", accentColor: "red" })).data!.createClient;
    expect(bad.client).toBeNull();
    expect(bad.userErrors.map((e: { field: string }) => e.field).sort()).toEqual(["accentColor", "domain", "name"]);
  });

  it("archives a client: gone from lists, its users can no longer sign in", async () => {
    const id = (await create({ name: "Short Lived", domain: "short-lived.test" })).data!.createClient.client.id;
    const invite = await t.gql("mutation ($i: InviteClientUserInput!) { inviteClientUser(input: $i) { invitationToken } }", { i: { clientId: id, email: "sam@short-lived.test", name: "Sam", role: "ADMIN" } }, { token: owner });
    await t.gql("mutation ($i: AcceptClientInvitationInput!) { acceptClientInvitation(input: $i) { ok } }", { i: { token: invite.data!.inviteClientUser.invitationToken, password: "correct horse battery" } });
    await t.gql("mutation ($i: ArchiveClientInput!) { archiveClient(input: $i) { client { archivedAt } } }", { i: { id } }, { token: owner });
    const list = await t.gql('{ clients(first: 50, filter: { search: "short" }) { totalCount } }', {}, { token: owner });
    expect(list.data!.clients.totalCount).toBe(0);
    const withArchived = await t.gql('{ clients(first: 50, filter: { search: "short", includeArchived: true }) { totalCount } }', {}, { token: owner });
    expect(withArchived.data!.clients.totalCount).toBe(1);
    const login = await t.gql("mutation ($i: LoginInput!) { clientLogin(input: $i) { accessToken userErrors { code } } }", { i: { email: "sam@short-lived.test", password: "correct horse battery" } });
    expect(login.data!.clientLogin).toEqual({ accessToken: null, userErrors: [{ code: "INVALID_CREDENTIALS" }] });
  });
});

describe("client users", () => {
  const INVITE = "mutation ($i: InviteClientUserInput!) { inviteClientUser(input: $i) { clientUser { id email status } invitationToken userErrors { code } } }";
  const ACCEPT = "mutation ($i: AcceptClientInvitationInput!) { acceptClientInvitation(input: $i) { ok userErrors { field code } } }";

  it("a client ADMIN invites a colleague, who sets a password once and signs in", async () => {
    const admin = await t.tokenFor("admin@fabrikam.test");
    const invited = (await t.gql(INVITE, { i: { clientId: fabrikam, email: "New.Hire@Fabrikam.test", name: "New Hire", role: "VIEW_ONLY" } }, { token: admin })).data!.inviteClientUser;
    expect(invited.clientUser).toMatchObject({ email: "new.hire@fabrikam.test", status: "INVITED" });
    expect((await t.gql(ACCEPT, { i: { token: invited.invitationToken, password: "short" } })).data!.acceptClientInvitation.userErrors[0]).toEqual({ field: "password", code: "BAD_USER_INPUT" });
    expect((await t.gql(ACCEPT, { i: { token: invited.invitationToken, password: "a good long password" } })).data!.acceptClientInvitation.ok).toBe(true);
    expect((await t.gql(ACCEPT, { i: { token: invited.invitationToken, password: "a good long password" } })).data!.acceptClientInvitation.userErrors[0].code).toBe("NOT_FOUND");
    const login = await t.gql("mutation ($i: LoginInput!) { clientLogin(input: $i) { viewer { clientRole client { name } } } }", { i: { email: "new.hire@fabrikam.test", password: "a good long password" } });
    expect(login.data!.clientLogin.viewer).toEqual({ clientRole: "VIEW_ONLY", client: { name: "Fabrikam Dental" } });
  });

  it("a VIEW_ONLY user may not invite, and an ADMIN may not remove themselves", async () => {
    const viewer = await t.tokenFor("viewer@fabrikam.test");
    expect(codeOf(await t.gql(INVITE, { i: { clientId: fabrikam, email: "x@fabrikam.test", name: "X", role: "ADMIN" } }, { token: viewer }))).toBe("FORBIDDEN");
    const admin = await t.tokenFor("admin@fabrikam.test");
    const self = gid("ClientUser", seedId("client-user", "admin@fabrikam.test"));
    const removed = await t.gql("mutation ($i: RemoveClientUserInput!) { removeClientUser(input: $i) { userErrors { code } } }", { i: { id: self } }, { token: admin });
    expect(removed.data!.removeClientUser.userErrors).toEqual([{ code: "FORBIDDEN" }]);
  });

  it("disabling a user ends their sessions", async () => {
    const viewerToken = await t.tokenFor("viewer@fabrikam.test");
    const id = gid("ClientUser", seedId("client-user", "viewer@fabrikam.test"));
    await t.gql("mutation ($i: UpdateClientUserInput!) { updateClientUser(input: $i) { clientUser { status } } }", { i: { id, disabled: true } }, { token: owner });
    expect(codeOf(await t.gql("{ viewer { name } }", {}, { token: viewerToken }))).toBe("UNAUTHENTICATED");
    const again = await t.gql("mutation ($i: LoginInput!) { clientLogin(input: $i) { accessToken } }", { i: { email: "viewer@fabrikam.test", password: DEMO_PASSWORD } });
    expect(again.data!.clientLogin.accessToken).toBeNull();
  });
});

describe("alerts and documents", () => {
  it("acknowledges then resolves an alert; acknowledging twice is a CONFLICT", async () => {
    const tech = await t.tokenFor("tech@northwind-msp.test");
    const active = await t.gql("{ alerts(first: 1, filter: { status: ACTIVE }) { edges { node { id } } } }", {}, { token: tech });
    const id = active.data!.alerts.edges[0].node.id;
    const ACK = "mutation ($i: AlertActionInput!) { acknowledgeAlert(input: $i) { alert { status acknowledgedAt } userErrors { code } } }";
    expect((await t.gql(ACK, { i: { id } }, { token: tech })).data!.acknowledgeAlert).toMatchObject({ alert: { status: "ACKNOWLEDGED" }, userErrors: [] });
    expect((await t.gql(ACK, { i: { id } }, { token: tech })).data!.acknowledgeAlert.userErrors).toEqual([{ code: "CONFLICT" }]);
    const resolved = await t.gql("mutation ($i: AlertActionInput!) { resolveAlert(input: $i) { alert { status resolvedAt } } }", { i: { id } }, { token: tech });
    expect(resolved.data!.resolveAlert.alert.status).toBe("RESOLVED");
    const client = await t.tokenFor("admin@fabrikam.test");
    expect(codeOf(await t.gql(ACK, { i: { id } }, { token: client }))).toBe("FORBIDDEN");
  });

  it("client users see only CLIENT documents; staff see both", async () => {
    const tech = await t.tokenFor("tech@northwind-msp.test");
    await t.gql("mutation ($i: CreateDocumentInput!) { createDocument(input: $i) { document { id } } }", { i: { clientId: fabrikam, title: "Firewall admin password location", body: "In the vault", visibility: "INTERNAL" } }, { token: tech });
    const QUERY = "query ($c: ID!) { documents(clientId: $c, first: 50) { edges { node { title visibility } } } }";
    const staffTitles = (await t.gql(QUERY, { c: fabrikam }, { token: tech })).data!.documents.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(staffTitles).toContain("Firewall admin password location");
    const portal = (await t.gql(QUERY, { c: fabrikam }, { token: await t.tokenFor("admin@fabrikam.test") })).data!.documents.edges;
    expect(portal.length).toBeGreaterThan(0);
    expect(portal.every((e: { node: { visibility: string } }) => e.node.visibility === "CLIENT")).toBe(true);
  });
});

describe("totalCount on nested lists", () => {
  it("counts all children, also beyond the page, per parent", async () => {
    const query = "{ clients(first: 10) { edges { node { name agents(first: 2) { totalCount edges { node { hostname } } } alerts(first: 1, status: ACTIVE) { totalCount } sites(first: 10) { totalCount } } } } }";
    const result = await t.gql(query, {}, { token: owner });
    const byName = Object.fromEntries(result.data!.clients.edges.map((e: { node: { name: string } }) => [e.node.name, e.node]));
    expect(byName["Fabrikam Dental"].agents.totalCount).toBe(5);
    expect(byName["Fabrikam Dental"].agents.edges).toHaveLength(2);
    expect(byName["Tailspin Veterinary"].agents.totalCount).toBe(3);
    expect(byName["Fabrikam Dental"].sites.totalCount).toBe(2);
    const active = await t.database.prisma.alert.count({ where: { clientId: seedId("client", "fabrikam"), status: "ACTIVE" } });
    expect(byName["Fabrikam Dental"].alerts.totalCount).toBe(active);
  });
});
