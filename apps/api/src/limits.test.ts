import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@mspgraph/db";
import { MAX_BATCH, MAX_BODY_BYTES, createLogger, queryCost } from "@mspgraph/schema/server";
import { composeSchema } from "./composed-schema.js";
import { type TestApi, codeOf, createTestApi, gid, testSecrets } from "./testing/test-api.js";
import { createApi } from "./yoga.js";
import { parse } from "graphql";


const schema = composeSchema();
const cost = (query: string, variables: Record<string, unknown> = {}) => queryCost({ schema, document: parse(query), variables });
const fabrikam = gid("Client", seedId("client", "fabrikam"));

describe("query cost", () => {
  // Each row's requests are worked out by hand: one per fetch of each connection; cost = round(requests / 100), at least 1.
  it.each([
    ["scalars and objects are free", "{ health { status } viewer { name partner { name } } }", {}, 1, []],
    ["one connection: 1 request", "{ clients(first: 100) { totalCount } }", {}, 1, []],
    ["nested: 1 + 100 + 100 * 100 = 10,101", "{ clients(first: 100) { edges { node { sites(first: 100) { edges { node { agents(first: 10) { totalCount } } } } } } } }", {}, 101, []],
    ["three deep: 1 + 100 + 100 * 50 = 5,101", "{ clients(first: 100) { edges { node { agents(first: 50) { edges { node { alerts(first: 10) { totalCount } } } } } } } }", {}, 51, []],
    ["siblings add up: (1 + 10 + 10 * 100) + (1 + 5 + 5 * 100) = 1,517", "query { a: clients(first: 10) { ...C } b: clients(last: 5) { ...C } } fragment C on QueryClientsConnection { edges { node { agents(first: 100) { edges { node { alerts(first: 100) { totalCount } } } } } } }", {}, 15, []],
    ["variables and their defaults: 1 + 50 + 50 * 30 = 1,551", "query ($n: Int = 50, $m: Int) { clients(first: $n) { edges { node { sites(first: $m) { edges { node { agents(first: 100) { totalCount } } } } } } } }", { m: 30 }, 16, []],
    ["nodes(ids) once per id: 40 * (1 + 100) = 4,040", "query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Client { agents(first: 100) { edges { node { alerts(first: 100) { totalCount } } } } } } }", { ids: Array.from({ length: 40 }, () => fabrikam) }, 40, []],
    ["a connection without first/last counts the largest page: 1 + 100 + 100 * 100 = 10,101", "{ clients { edges { node { sites { edges { node { agents { totalCount } } } } } } } }", {}, 101, ["clients", "clients.edges.node.sites", "clients.edges.node.sites.edges.node.agents"]],
    ["a mutation: 10 + its connections (1 request = 1)", 'mutation { createClient(input: { name: "a", domain: "a.test" }) { client { agents(first: 10) { totalCount } } } }', {}, 11, []],
  ])("%s", (_name, query, variables, expected, unpaged) => {
    expect(cost(query, variables)).toEqual({ cost: expected, unpaged });
  });
});

describe("request limits", () => {
  let t: TestApi;
  let token: string;
  beforeAll(async () => {
    t = await createTestApi();
    token = await t.tokenFor("owner@northwind-msp.test");
  });
  afterAll(() => t.close());

  it.each([
    ["depth", `{ viewer { partner { clients(first: 1) { edges { node { agents(first: 1) { edges { node { site { client { partner { clients(first: 1) { edges { node { sites(first: 1) { edges { node { name } } } } } } } } } } } } } } } } } }`, "QUERY_TOO_DEEP"],
    ["aliases", `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: health { status }`).join(" ")} }`, "TOO_MANY_ALIASES"],
    ["tokens", `{ ${Array.from({ length: 1001 }, () => "__typename").join(" ")} }`, "TOO_MANY_TOKENS"],
    ["directives", `{ health { status ${Array.from({ length: 51 }, () => "@skip(if: false)").join(" ")} } }`, "TOO_MANY_DIRECTIVES"],
    ["cost", `{ clients(first: 100) { edges { node { sites(first: 100) { edges { node { agents(first: 100) { edges { node { alerts(first: 100) { totalCount } } } } } } } } } } }`, "QUERY_TOO_COMPLEX"],
  ])("answers a query over the %s limit with its own code", async (_name, query, code) => {
    const response = await t.gql(query, {}, { token });
    expect(codeOf(response)).toBe(code);
    expect(response.data ?? null).toBeNull();
  });

  it("refuses a connection without first or last, naming it, before anything runs (GitHub's rule)", async () => {
    const unpaged = await t.gql("{ clients(first: 5) { edges { node { name agents { totalCount } } } } }", {}, { token });
    expect(unpaged.data ?? null).toBeNull();
    expect(unpaged.errors).toEqual([expect.objectContaining({ message: expect.stringContaining("`agents` connection"), extensions: { code: "BAD_USER_INPUT", field: "clients.edges.node.agents" } })]);
    const paged = await t.gql("{ clients(first: 5) { edges { node { name agents(first: 20) { totalCount } } } } }", {}, { token });
    expect(paged.errors).toBeUndefined();
  });

  it("refuses an oversized body with 413 and PAYLOAD_TOO_LARGE", async () => {
    const body = JSON.stringify({ query: "{ health { status } }", variables: { pad: "x".repeat(MAX_BODY_BYTES) } });
    const response = await t.api.fetch(new Request("http://test/graphql", { method: "POST", headers: { "content-type": "application/json", "content-length": String(body.length) }, body }));
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it(`runs batches of up to ${MAX_BATCH} operations and refuses more`, async () => {
    const batch = (n: number) => t.api.fetch(new Request("http://test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(Array.from({ length: n }, () => ({ query: "{ health { status } }" }))) }));
    const ok = await batch(MAX_BATCH);
    expect(((await ok.json()) as unknown[]).length).toBe(MAX_BATCH);
    const tooMany = await batch(MAX_BATCH + 1);
    expect(tooMany.status).toBeGreaterThanOrEqual(400);
    expect(tooMany.status).toBeLessThan(500);
  });
});

describe("the hourly point budget", () => {
  it("decrements by the reported cost, refuses with 429 and Retry-After when spent, and refills", async () => {
    const t = await createTestApi();
    try {
      const api = createApi({ database: t.database, auth: t.auth, keyRing: t.keyRing, auditKey: t.auditKey, logger: createLogger({ level: "silent" }), hourlyBudget: 30 });
      const token = await t.tokenFor("owner@northwind-msp.test");
      const post = async (query: string) => {
        const response = await api.fetch(new Request("http://test/graphql", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) }));
        return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
      };
      const first = await post("{ rateLimit { cost limit remaining resetAt } }");
      expect(first.body.extensions.cost).toMatchObject({ requestedQueryCost: 1, limit: 30 });
      const startRemaining = first.body.data.rateLimit.remaining;
      expect(first.body.extensions.cost.remaining).toBe(startRemaining);

      const afterHeavy = await post("{ clients(first: 100) { edges { node { agents(first: 20) { totalCount } } } } }");
      expect(afterHeavy.body.extensions.cost.remaining).toBe(startRemaining - afterHeavy.body.extensions.cost.requestedQueryCost);

      let last = afterHeavy;
      for (let i = 0; i < 40 && last.status === 200; i++) last = await post("{ health { status } }");
      expect(last.status).toBe(429);
      expect(Number(last.retryAfter)).toBeGreaterThan(0);
      expect(last.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });

      // An hour later the budget is full again.
      await t.database.prisma.rateLimitBucket.updateMany({ data: { windowStartsAt: new Date(Date.now() - 61 * 60_000) } });
      const refilled = await post("{ rateLimit { remaining } }");
      expect(refilled.status).toBe(200);
      expect(refilled.body.data.rateLimit.remaining).toBe(29);
    } finally {
      await t.close();
    }
  });
});

describe("in production", () => {
  it("hides the schema and field suggestions from callers without a session; GraphiQL is off", async () => {
    const t = await createTestApi();
    try {
      const api = createApi({ database: t.database, ...testSecrets(), logger: createLogger({ level: "silent" }), production: true });
      const post = async (query: string, headers: Record<string, string> = {}) =>
        (await api.fetch(new Request("http://test/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) }))).json();
      const introspection = await post("{ __schema { types { name } } }");
      expect(introspection.data ?? null).toBeNull();
      const typo = await post("{ helth { status } }");
      expect(JSON.stringify(typo)).not.toContain("Did you mean");
      const page = await api.fetch(new Request("http://test/graphql", { headers: { accept: "text/html" } }));
      expect(await page.text()).not.toContain("GraphiQL");
    } finally {
      await t.close();
    }
  });
});
