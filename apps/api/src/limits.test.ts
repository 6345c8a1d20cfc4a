import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH, MAX_BODY_BYTES, createLogger, queryCost } from "@mspgraph/schema/server";
import { type TestApi, codeOf, createTestApi, testSecrets } from "./testing/test-api.js";
import { createApi } from "./yoga.js";
import { parse } from "graphql";


describe("query cost", () => {
  it("counts one request per fetch of each connection, over 100, mutations 10 more", () => {
    expect(queryCost(parse("{ health { status } }"))).toBe(1);
    // 1 request for clients + 100 for their agents + 100 * 50 for the agents' alerts.
    expect(queryCost(parse("{ clients(first: 100) { edges { node { agents(first: 50) { edges { node { alerts(first: 10) { totalCount } } } } } } } }"))).toBe(51);
    expect(queryCost(parse("query ($n: Int) { clients(first: $n) { edges { node { sites(first: 100) { totalCount } } } } }"), { n: 100 })).toBe(1);
    expect(queryCost(parse('mutation { createClient(input: { name: "a", domain: "a.test" }) { userErrors { code } } }'))).toBe(11);
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
