import { DEMO_PASSWORD } from "@mspgraph/db";
import { definePlugin } from "@mspgraph/plugins";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type TestApi, createTestApi } from "./testing/test-api.js";

describe("observability", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  it("exposes Prometheus metrics: requests, latency, errors by code and the database pool", async () => {
    await t.gql("{ health { status } }");
    await t.gql("{ clients(first: 1) { totalCount } }");
    const response = await t.api.fetch(new Request("http://test/metrics"));
    const text = await response.text();
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(text).toMatch(/mspgraph_http_requests_total\{route="\/graphql",status="200"\} \d+/);
    expect(text).toMatch(/mspgraph_graphql_request_duration_seconds_bucket\{le="0\.1",operation="query"\} \d+/);
    expect(text).toMatch(/mspgraph_graphql_errors_total\{code="UNAUTHENTICATED"\} 1/);
    expect(text).toMatch(/mspgraph_db_pool_total_connections \d+/);
  });

  it("writes JSON log lines that carry the request id", async () => {
    t.logs.length = 0;
    await t.gql("{ health { status } }", {}, { headers: { "x-request-id": "trace-abcdef12" } });
    const lines = t.logs.map((line) => JSON.parse(line));
    const requestLine = lines.find((l) => l.msg === "request");
    expect(requestLine).toMatchObject({ requestId: "trace-abcdef12", method: "POST", path: "/graphql", status: 200 });
    expect(lines.every((l) => l.requestId === "trace-abcdef12")).toBe(true);
  });

  it("never puts a password, token or key in a log line, nor a stored secret in a response", async () => {
    t.logs.length = 0;
    const responses: string[] = [];
    const run = async (...args: Parameters<TestApi["gql"]>) => {
      const r = await t.gql(...args);
      responses.push(JSON.stringify(r));
      return r;
    };
    const login = (await run(`mutation { login(input: { email: "owner@northwind-msp.test", password: "${DEMO_PASSWORD}" }) { accessToken refreshToken } }`)).data!.login;
    await run(`mutation { login(input: { email: "owner@northwind-msp.test", password: "wrong-${DEMO_PASSWORD}" }) { accessToken } }`);
    const refreshed = (await run("mutation ($i: RefreshSessionInput!) { refreshSession(input: $i) { accessToken refreshToken } }", { i: { refreshToken: login.refreshToken } })).data!.refreshSession;
    const key = (await run('mutation { createApiKey(input: { name: "Scan", scopes: [READ] }) { key } }', {}, { token: refreshed.accessToken })).data!.createApiKey.key;
    const invite = (await run('mutation { inviteClientUser(input: { clientId: "Q2xpZW50OmU3YTIwZDhmLWVhYTQtODg2MC1hMmU1LWNhZWY5YjkyZmMyMA==", email: "scan@fabrikam.test", name: "Scan", role: VIEW_ONLY }) { invitationToken } }', {}, { token: refreshed.accessToken })).data!.inviteClientUser.invitationToken;
    await run("{ clients(first: 5) { totalCount } }", {}, { token: key });
    await run("{ auditEvents(first: 100) { edges { node { metadata actorLabel } } } }", {}, { token: refreshed.accessToken });

    const secrets = [DEMO_PASSWORD, login.accessToken, login.refreshToken, refreshed.accessToken, refreshed.refreshToken, key, invite];
    expect(secrets.every(Boolean)).toBe(true);
    const logText = t.logs.join("\n");
    expect(t.logs.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(logText).not.toContain(secret);
    const stored = await t.database.prisma.staffUser.findFirstOrThrow({ where: { email: "owner@northwind-msp.test" } });
    const keyRow = await t.database.prisma.apiKey.findFirstOrThrow({ where: { name: "Scan" } });
    const audit = responses.at(-1)!;
    for (const secret of [DEMO_PASSWORD, stored.passwordHash, keyRow.keyHash, invite, key]) expect(audit).not.toContain(secret);
    expect(responses.join("\n")).not.toContain(stored.passwordHash);
  });
});

describe("webhook deliveries in the log", () => {
  const hooky = definePlugin({
    id: "hooky",
    name: "Hooky",
    version: "0.1.0",
    credentialsSchema: z.object({ token: z.string() }),
    configSchema: z.object({}),
    webhook: { eventId: (body) => (body as { id?: string }).id },
    async handleEvent() {},
  });

  it("never show the secret in a webhook URL, whatever the delivery's fate", async () => {
    const t = await createTestApi({ plugins: [hooky] });
    try {
      const owner = await t.tokenFor("owner@northwind-msp.test");
      await t.gql('mutation { connectIntegration(input: { pluginId: "hooky", credentials: { token: "t" } }) { userErrors { message } } }', {}, { token: owner });
      const path = (await t.gql("{ integrations(first: 1) { edges { node { webhookPath } } } }", {}, { token: owner })).data!.integrations.edges[0].node.webhookPath as string;
      const secret = path.split("/")[4]!;
      expect(secret.length).toBeGreaterThanOrEqual(20);
      t.logs.length = 0;
      const deliver = (body: string | undefined, method = "POST", at = path) => t.api.fetch(new Request(`http://test${at}`, { method, headers: { "content-type": "application/json" }, body }));
      const statuses = [
        (await deliver(JSON.stringify({ id: "evt-1" }))).status,
        (await deliver(JSON.stringify({ id: "evt-1" }))).status,
        (await deliver("{not json")).status,
        (await deliver(undefined, "GET")).status,
        (await deliver(JSON.stringify({ pad: "x".repeat(600_000) }))).status,
        (await deliver("{}", "POST", `${path}/extra`)).status,
      ];
      expect(statuses).toEqual([202, 200, 400, 405, 413, 404]);
      expect(t.logs.filter((line) => JSON.parse(line).msg === "request")).toHaveLength(statuses.length);
      expect(t.logs.join("\n")).not.toContain(secret);
      expect(t.logs.map((line) => JSON.parse(line).path)).toContain(`${path.split("/").slice(0, 4).join("/")}/[redacted]`);
    } finally {
      await t.close();
    }
  });
});
