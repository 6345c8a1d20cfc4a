import { seedScale } from "@mspgraph/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DASHBOARD_QUERY } from "./testing/dashboard-query.js";
import { type TestApi, createTestApi } from "./testing/test-api.js";

// Nested lists load in batches: the dashboard costs the same statements for 5 clients as for 50.
let statements: string[] = [];
let t: TestApi;

beforeAll(async () => {
  t = await createTestApi({ seed: false, database: { onQuery: (sql) => statements.push(sql) } });
  await seedScale(t.database.prisma, 5);
  await seedScale(t.database.prisma, 50);
});
afterAll(() => t.close());

async function dashboardStatements(email: string) {
  const token = await t.tokenFor(email);
  statements = [];
  const result = await t.gql(DASHBOARD_QUERY, {}, { token });
  expect(result.errors).toBeUndefined();
  return { count: statements.length, clients: result.data!.clients.edges.length, agents: result.data!.clients.edges[0].node.agents.totalCount };
}

it("issues the same number of SQL statements for 5 clients as for 50", async () => {
  const small = await dashboardStatements("owner@scale-5.test");
  const large = await dashboardStatements("owner@scale-50.test");
  expect([small.clients, large.clients]).toEqual([5, 50]);
  expect(small.agents).toBe(4);
  console.log(`dashboard statements: ${small.count} for 5 clients, ${large.count} for 50 clients`);
  expect(large.count).toBe(small.count);
  expect(small.count).toBeLessThanOrEqual(8);
});
