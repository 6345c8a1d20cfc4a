import type { Database } from "@mspgraph/db";
import { createTestDatabase } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_HEADER_LENGTH, MAX_STRING_LENGTH, createLogger } from "@mspgraph/schema/server";
import { testSecrets } from "./testing/test-api.js";
import { createApi } from "./yoga.js";


// Bad requests get a 4xx or a GraphQL error with a code: never a 500, never a stack trace.
describe("malformed requests", () => {
  let database: Database;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    database = await createTestDatabase();
    api = createApi({ database, ...testSecrets(), logger: createLogger({ level: "silent" }) });
  });
  afterAll(() => database.close());

  async function post(body: string, contentType = "application/json") {
    const response = await api.fetch(new Request("http://test/graphql", { method: "POST", headers: { "content-type": contentType }, body }));
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) };
  }

  it.each([
    ["malformed JSON", "{not json"],
    ["a syntax error", JSON.stringify({ query: "{ health { status " })],
    ["an unknown field", JSON.stringify({ query: "{ nope }" })],
    ["no query at all", JSON.stringify({ variables: {} })],
    ["a wrong variable type", JSON.stringify({ query: "query ($n: Int!) { health { status } }", variables: { n: "seven" } })],
  ])("%s", async (_name, body) => {
    const { status, text, json } = await post(body);
    expect(status).toBeLessThan(500);
    expect(json.errors?.length).toBeGreaterThan(0);
    expect(json.errors[0].extensions?.code).toEqual(expect.any(String));
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it.each([
    ["a missing required variable", { query: "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }" }, "$input"],
    ["a NUL character in a variable", { query: "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }", variables: { input: { email: "a\u0000@b.test", password: "x" } } }, "$input.email"],
    ["a lone surrogate in a variable", { query: "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }", variables: { input: { email: "\ud800@b.test", password: "x" } } }, "$input.email"],
    ["an over-long variable", { query: "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }", variables: { input: { email: "x".repeat(MAX_STRING_LENGTH + 1), password: "x" } } }, "$input.email"],
    ["a NUL character in a literal", { query: 'mutation { login(input: { email: "a\\u0000@b.test", password: "x" }) { accessToken } }' }, "login.input.email"],
  ])("answers %s with BAD_USER_INPUT naming it", async (_name, request, name) => {
    const { status, json } = await post(JSON.stringify(request));
    expect(status).toBeLessThan(500);
    expect(json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(json.errors[0].message).toContain(name);
  });

  it(`refuses a header value over ${MAX_HEADER_LENGTH} characters with 431`, async () => {
    const response = await api.fetch(new Request("http://test/graphql", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${"a".repeat(MAX_HEADER_LENGTH + 1)}` }, body: JSON.stringify({ query: "{ health { status } }" }) }));
    expect(response.status).toBe(431);
    expect((await response.json()).errors[0].extensions).toMatchObject({ code: "HEADER_TOO_LARGE", header: "authorization" });
  });

  it("answers a correct query", async () => {
    expect((await post(JSON.stringify({ query: "{ health { status } }" }))).json.data).toEqual({ health: { status: "OK" } });
  });

  it("gives every response a request id, keeping a sane one the caller sent", async () => {
    const response = await api.fetch(new Request("http://test/healthz", { headers: { "x-request-id": "trace-1234567" } }));
    expect(response.headers.get("x-request-id")).toBe("trace-1234567");
    const fresh = await api.fetch(new Request("http://test/healthz", { headers: { "x-request-id": "bad id with spaces" } }));
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("unexpected failures", () => {
  it("are masked with a request id; the stack goes to the log only", async () => {
    const { createTestApi } = await import("./testing/test-api.js");
    const t = await createTestApi();
    const token = await t.tokenFor("owner@northwind-msp.test");
    await t.database.close();
    const response = await t.gql("{ clients(first: 5) { totalCount } }", {}, { token, headers: { "x-request-id": "req-failing-123" } });
    const text = JSON.stringify(response);
    expect(response.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-failing-123" });
    // Plain words for whoever reads it; the code and the request id stay in extensions.
    expect(response.errors?.[0]?.message).toBe("Something went wrong on our side. Please try again; if it keeps happening, contact support.");
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const logged = t.logs.map((line) => JSON.parse(line)).find((entry) => entry.requestId === "req-failing-123" && entry.err);
    expect(logged?.err?.stack).toEqual(expect.stringContaining("\n"));
  });

  it("keeps a caller's refused or unauthenticated request out of the error log", async () => {
    const { createTestApi } = await import("./testing/test-api.js");
    const t = await createTestApi();
    await t.gql("{ products(first: 1) { totalCount } }", {}, { token: await t.tokenFor("viewer@fabrikam.test") });
    await t.gql("{ products(first: 1) { totalCount } }");
    expect(t.logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50)).toEqual([]);
    await t.close();
  });
});
