import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const CREATE = "mutation ($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id prefix scopes lastUsedAt } userErrors { field code } } }";

describe("API keys", () => {
  let t: TestApi;
  let owner: string;
  beforeAll(async () => {
    t = await createTestApi();
    owner = await t.tokenFor("owner@northwind-msp.test");
  });
  afterAll(() => t.close());

  const createKey = async (scopes: string[]) => (await t.gql(CREATE, { i: { name: `Integration ${scopes.join("+")}`, scopes } }, { token: owner })).data!.createApiKey;

  it("shows the secret once and stores only its hash", async () => {
    const created = await createKey(["READ"]);
    expect(created.key).toMatch(new RegExp(`^mspk_${created.apiKey.prefix}_`));
    const listed = await t.gql("{ apiKeys(first: 10) { edges { node { prefix scopes } } } }", {}, { token: owner });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const rows = await t.database.prisma.apiKey.findMany();
    expect(JSON.stringify(rows)).not.toContain(created.key.slice(`mspk_${created.apiKey.prefix}_`.length));
  });

  it("authenticates as its partner, within its scopes", async () => {
    const readKey = (await createKey(["READ"])).key;
    const clients = await t.gql("{ clients(first: 10) { edges { node { name } } } viewer { name } }", {}, { token: readKey });
    expect(clients.data!.clients.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(["Fabrikam Dental", "Tailspin Veterinary"]);
    expect(clients.data!.viewer).toBeNull();
    const write = 'mutation { createClient(input: { name: "By key", domain: "by-key.test" }) { client { name } userErrors { code } } }';
    const refused = await t.gql(write, {}, { token: readKey });
    expect(codeOf(refused)).toBe("FORBIDDEN");
    expect(refused.errors![0]!.extensions!.requiredScope).toBe("write");
    const writeKey = (await createKey(["READ", "WRITE"])).key;
    expect((await t.gql(write, {}, { token: writeKey })).data!.createClient.client).toEqual({ name: "By key" });
    const lastUsed = await t.database.prisma.apiKey.findFirstOrThrow({ where: { scopes: { has: "write" } } });
    expect(lastUsed.lastUsedAt).not.toBeNull();
    const event = await t.database.prisma.auditEvent.findFirstOrThrow({ where: { action: "mutation.createClient", actorType: "API_KEY" } });
    expect(event.actorId).toBe(lastUsed.id);
  });

  it("may not mint keys or impersonate", async () => {
    const key = (await createKey(["READ", "WRITE"])).key;
    expect(codeOf(await t.gql(CREATE, { i: { name: "child", scopes: ["READ"] } }, { token: key }))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql('mutation { startImpersonation(input: { clientId: "x", reason: "no" }) { accessToken } }', {}, { token: key }))).toBe("FORBIDDEN");
  });

  it("is refused once revoked", async () => {
    const created = await createKey(["READ"]);
    expect((await t.gql("{ clients(first: 1) { totalCount } }", {}, { token: created.key })).data!.clients.totalCount).toBeGreaterThan(0);
    await t.gql("mutation ($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { revokedAt } } }", { i: { id: created.apiKey.id } }, { token: owner });
    const after = await t.gql("{ clients(first: 1) { totalCount } }", {}, { token: created.key });
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe("UNAUTHENTICATED");
  });

  it("refuses a key with no scope and is managed by OWNER/ADMIN only", async () => {
    expect((await t.gql(CREATE, { i: { name: "none", scopes: [] } }, { token: owner })).data!.createApiKey.userErrors).toEqual([{ field: "scopes", code: "BAD_USER_INPUT" }]);
    expect(codeOf(await t.gql(CREATE, { i: { name: "tech", scopes: ["READ"] } }, { token: await t.tokenFor("tech@northwind-msp.test") }))).toBe("FORBIDDEN");
  });
});
