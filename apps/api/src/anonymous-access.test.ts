import { DEMO_PASSWORD } from "@mspgraph/db";
import { createLogger, parseTrustedProxies } from "@mspgraph/schema/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";
import { createApi } from "./yoga.js";

// 1 + 100 + 100 * 10 connection fetches: 11 points, a third of the small budget below.
const EXPENSIVE = "{ clients(first: 100) { edges { node { sites(first: 10) { edges { node { agents(first: 10) { totalCount } } } } } } } }";
const LOGIN = "mutation ($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }";

describe("callers without a session", () => {
  let t: TestApi;
  let post: (query: string, variables?: Record<string, unknown>, remoteAddress?: string) => Promise<{ status: number; body: any }>;
  beforeAll(async () => {
    t = await createTestApi();
    const api = createApi({ database: t.database, auth: t.auth, keyRing: t.keyRing, auditKey: t.auditKey, logger: createLogger({ level: "silent" }), hourlyBudget: 30, trustedProxies: parseTrustedProxies("") });
    post = async (query, variables = {}, remoteAddress = "198.51.100.30") => {
      const request = new Request("http://test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      const response = await api.fetch(request, { remoteAddress });
      return { status: response.status, body: await response.json() };
    };
  });
  afterAll(() => t.close());

  it("are refused anything but sign-in before it runs or costs a point, so they can never block anyone's sign-in", async () => {
    for (let i = 0; i < 5; i++) {
      const refused = await post(EXPENSIVE);
      expect(codeOf(refused.body)).toBe("UNAUTHENTICATED");
      expect(refused.body.data ?? null).toBeNull();
    }
    expect(await t.database.prisma.rateLimitBucket.count()).toBe(0);
    // Another caller, from another address, still signs in.
    const signedIn = await post(LOGIN, { input: { email: "owner@northwind-msp.test", password: DEMO_PASSWORD } }, "203.0.113.31");
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.data.login.accessToken).toEqual(expect.any(String));
  });

  it.each([
    ["health", "{ health { status } }", { health: { status: "OK" } }],
    ["viewer (null: nobody is signed in)", "{ viewer { name } }", { viewer: null }],
    ["GraphiQL's introspection, outside production", "{ __schema { queryType { name } } }", { __schema: { queryType: { name: "Query" } } }],
  ])("may read %s", async (_what, query, data) => {
    const response = await post(query);
    expect(response.body).toMatchObject({ data });
    expect(response.body.errors).toBeUndefined();
  });

  it.each([
    ["the budget", "{ rateLimit { remaining } }"],
    ["a mutation other than sign-in", 'mutation { createClient(input: { name: "x", domain: "x.test" }) { userErrors { code } } }'],
    ["a field hidden in a fragment", "query { ...Q } fragment Q on Query { clients(first: 1) { totalCount } }"],
    ["a field beside health", "{ health { status } clients(first: 1) { totalCount } }"],
  ])("are refused %s with UNAUTHENTICATED", async (_what, query) => {
    const response = await post(query);
    expect(codeOf(response.body)).toBe("UNAUTHENTICATED");
    expect(response.body.data ?? null).toBeNull();
  });
});
