import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import type { GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeSchema } from "./composed-schema.js";
import { seededRandom } from "@mspgraph/schema/testing";
import { type FuzzRequest, fieldRequests } from "./testing/fuzz-requests.js";
import { isolationFixtures } from "./testing/isolation-fixtures.js";
import { type TestApi, createTestApi, gid, isStaffEmail } from "./testing/test-api.js";

const ACCOUNTS = ["admin@mspgraph.test", "owner@northwind-msp.test", "tech@northwind-msp.test", "admin@fabrikam.test", "viewer@fabrikam.test"];
const PER_FIELD_AND_ROLE = 6;

// Bodies that are not a GraphQL request at all, or one with odd parts.
const ODD_BODIES = [
  "", "null", "true", "1", '"text"', "[]", "[1, 2]", "{}", "{not json", "\u0000", "\ufeff{}", '{"query": 5}', '{"query": null}', '{"query": ["{ health { status } }"]}',
  '{"query": "{ health { status } }", "variables": "x"}', '{"query": "{ health { status } }", "variables": [1]}', '{"query": "{ health { status } }", "variables": 5}',
  '{"query": "{ health { status } }", "operationName": 5}', '{"query": "{ health { status } }", "operationName": "Nope"}', '{"query": "{ health { status } }", "extensions": "x"}',
  '{"query": "query A { health { status } } query B { health { status } }"}', '{"query": "\\u0000"}', '{"query": "{ health { status } }", "variables": {"a": "\\ud800"}}',
  '{"query": "query ($x: ID!) { node(id: $x) { id } }"}', '{"query": "query ($x: ID!) { node(id: $x) { id } }", "variables": {"x": null}}',
  '{"query": "query ($x: String) { clients(first: 1, filter: { search: $x }) { totalCount } }", "variables": {"x": {"\\u0000": 1}}}',
  `{"query": "{ health { status } }", "variables": ${"[".repeat(3000)}${"]".repeat(3000)}}`, '{"query": "{ health { status } }", "variables": {"n": 1e999}}',
  JSON.stringify([{ query: "{ health { status } }" }, null, 5, { query: "{ nope }" }]),
];

type Outcome = { label: string; role: string; status: number; text: string };

describe("fuzzing every root field with malformed input", () => {
  let t: TestApi;
  let ids: string[];
  const tokens = new Map<string, string | undefined>();

  // Mutations may archive a client, disable a user, suspend a partner or log a session out: put the roles back.
  async function restoreRoles() {
    const prisma = t.database.prisma;
    await prisma.partner.updateMany({ data: { suspendedAt: null } });
    await prisma.client.updateMany({ data: { archivedAt: null } });
    await prisma.clientUser.updateMany({ data: { disabledAt: null } });
    await prisma.loginThrottle.deleteMany();
    await prisma.rateLimitBucket.deleteMany();
    for (const email of ACCOUNTS) {
      const field = isStaffEmail(email) ? "login" : "clientLogin";
      const signedIn = await t.gql(`mutation ($input: LoginInput!) { ${field}(input: $input) { accessToken } }`, { input: { email, password: DEMO_PASSWORD } });
      tokens.set(email, signedIn.data?.[field]?.accessToken);
    }
  }

  beforeAll(async () => {
    t = await createTestApi({ logLevel: "error" });
    const fixtures = isolationFixtures(t.database.prisma);
    const agent = await t.database.prisma.agent.findFirstOrThrow({ where: { clientId: seedId("client", "fabrikam") } });
    ids = [
      gid("Client", seedId("client", "fabrikam")), gid("Client", seedId("client", "litware")), gid("Partner", seedId("partner", "northwind-msp")),
      gid("Agent", agent.id), gid("Site", agent.siteId), gid("StaffUser", seedId("staff", "tech@northwind-msp.test")),
      await fixtures.client("fabrikam"), await fixtures.clientUser("fabrikam"), await fixtures.activeAlert("fabrikam"), await fixtures.clientDocument("fabrikam"),
      await fixtures.ticket("fabrikam"), await fixtures.lineItem("fabrikam"), await fixtures.product("fabrikam"), "not-an-id",
    ];
    await restoreRoles();
  }, 120_000);
  afterAll(() => t.close());

  it("answers a few thousand of them without a 5xx or INTERNAL_SERVER_ERROR", async () => {
    const schema = composeSchema();
    const random = seededRandom(20261203);
    const requests: Array<FuzzRequest & { role: string }> = [];
    for (const operation of ["query", "mutation"] as const) {
      const root = (operation === "query" ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
      // logout runs last, so it ends no session that later requests rely on.
      const fields = Object.values(root.getFields()).sort((a, b) => Number(a.name === "logout") - Number(b.name === "logout"));
      for (const field of fields) {
        for (const role of ["anonymous", ...ACCOUNTS]) {
          for (const request of fieldRequests({ schema, operation, field, ids, random, count: PER_FIELD_AND_ROLE })) requests.push({ ...request, role });
        }
      }
    }
    for (const body of ODD_BODIES) for (const role of ["anonymous", ACCOUNTS[1]!]) requests.push({ label: `odd body ${body.slice(0, 40)}`, body, role });
    expect(requests.length).toBeGreaterThan(2000);

    const failures: Outcome[] = [];
    for (const [index, request] of requests.entries()) {
      if (index % 250 === 249) await restoreRoles();
      const token = tokens.get(request.role);
      const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const response = await t.api.fetch(new Request("http://test/graphql", { method: "POST", headers, body: request.body }));
      const text = await response.text();
      if (response.status >= 500 || text.includes("INTERNAL_SERVER_ERROR")) failures.push({ label: request.label, role: request.role, status: response.status, text: text.slice(0, 300) });
    }
    const logged = t.logs.filter((line) => line.includes('"level":50')).map((line) => line.slice(0, 400));
    expect({ failures, logged: logged.slice(0, 10) }).toEqual({ failures: [], logged: [] });
  }, 900_000);
});
