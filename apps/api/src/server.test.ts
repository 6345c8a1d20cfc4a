import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, testDatabaseKind } from "@mspgraph/db/testing";
import { afterAll, describe, expect, it } from "vitest";

const apiDir = path.resolve(import.meta.dirname, "..");
const tsx = path.resolve(apiDir, "..", "..", "node_modules", ".bin", "tsx");

type Running = { child: ChildProcess; output: () => string; port: number };

async function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const env = { ...process.env, MSPGRAPH_DATA_DIR: dataDir, API_PORT: String(port), DATABASE_URL: "", ...extraEnv };
  const child = spawn(tsx, ["src/server.ts"], { cwd: apiDir, env });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  for (let attempt = 0; attempt < 120; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) return { child, output: () => output, port };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become ready:\n${output}`);
}

async function stopServer({ child }: Running) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

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
    const graphql = (body: unknown, token?: string) =>
      fetch(`http://127.0.0.1:${second.port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then((r) => r.json());
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
