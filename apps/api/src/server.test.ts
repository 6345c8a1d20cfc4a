import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testDatabaseKind } from "@mspgraph/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { startApiProcess as startServer, stopApiProcess as stopServer } from "./testing/api-process.js";

// The embedded path a new user takes with `npm start`: no configuration at all.
describe.skipIf(testDatabaseKind() !== "pglite")("embedded first start", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "mspgraph-first-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates and seeds the data directory once, then reuses it with the configured budget", async () => {
    const first = await startServer(dataDir);
    await stopServer(first);
    expect(first.output()).toContain("applied migrations to the embedded database");
    expect(first.output()).toContain("seeded demo data (first run)");

    const second = await startServer(dataDir, { MSPGRAPH_HOURLY_BUDGET: "777" });
    const { graphql } = second;
    // Callers without a session spend no budget: the budget shows to a signed-in caller.
    const login = await graphql({ query: 'mutation { login(input: { email: "owner@northwind-msp.test", password: "mspgraph-demo" }) { accessToken } }' });
    const health = await graphql({ query: "{ health { status } }" }, login.data.login.accessToken);
    await stopServer(second);
    expect(health.data).toEqual({ health: { status: "OK" } });
    expect(health.extensions.cost.limit).toBe(777);
    expect(second.output()).not.toContain("seeded demo data");
    expect(second.output()).not.toContain("applied migrations");
  });
});
