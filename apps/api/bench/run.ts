import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations, databaseFromUrl, seedDemo, seedScale } from "@mspgraph/db";
import { databaseUrl, freePort, startPostgresServer } from "@mspgraph/db/postgres-server";
import { authConfig, keyRing } from "@mspgraph/schema";
import { createLogger } from "@mspgraph/schema/server";
import { DASHBOARD_QUERY } from "../src/testing/dashboard-query.js";
import { createApi } from "../src/yoga.js";
import { measure } from "./load.js";

// `npm run bench`: the partner dashboard under load on a real PostgreSQL server, served by
// the API, by the API without authorization, and by a bare node:http + pg handler running
// the same SQL, all measured in this one run. Prints figures and ratios; asserts nothing.
const SIZES = [10, 1000];
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const log = (line: string) => console.log(line);

const server = await startPostgresServer();
const children: ChildProcess[] = [];
try {
  const admin = databaseFromUrl(server.url, { max: 1 });
  await admin.sql.exec("CREATE DATABASE bench");
  await admin.close();
  const url = databaseUrl(server.url, "bench");
  let statements = 0;
  const database = databaseFromUrl(url, { onQuery: () => statements++ });
  await applyMigrations(database);
  await seedDemo(database.prisma);
  for (const size of SIZES) await seedScale(database.prisma, size, log);

  const secret = randomBytes(32);
  const auth = authConfig(secret);
  const api = createApi({ database, auth, keyRing: keyRing("bench", { bench: randomBytes(32) }), auditKey: randomBytes(32), logger: createLogger({ level: "silent" }), hourlyBudget: 1_000_000_000 });
  const gql = async (query: string, token?: string) => {
    const response = await api.fetch(new Request("http://bench/graphql", { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) }));
    return (await response.json()) as { data: Record<string, any>; errors?: unknown[] };
  };
  const tokens = new Map<number, string>();
  for (const size of SIZES) {
    const login = await gql(`mutation { login(input: { email: "owner@scale-${size}.test", password: "mspgraph-demo" }) { accessToken } }`);
    tokens.set(size, login.data.login.accessToken);
  }

  log("\nSQL statements per dashboard request (auth check, budget, clients page, count, sites, agents, active alerts)");
  const counts: number[] = [];
  for (const size of SIZES) {
    await gql(DASHBOARD_QUERY, tokens.get(size)); // warm
    statements = 0;
    const result = await gql(DASHBOARD_QUERY, tokens.get(size));
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    counts.push(statements);
    log(`  ${String(size).padStart(5)} clients: ${statements} statements (${result.data.clients.edges.length} clients on the page)`);
  }

  const start = async (mode: string) => {
    const port = await freePort();
    const child = fork(path.join(import.meta.dirname, "server.ts"), [mode, String(port)], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_JWT_SECRET: secret.toString("base64url") },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.push(child);
    await new Promise((resolve, reject) => (child.once("message", resolve), child.once("exit", reject)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { child, url: `http://127.0.0.1:${port}/graphql` };
  };
  const peakRssMb = (child: ChildProcess) => {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  };

  const results: Record<string, Record<number, Awaited<ReturnType<typeof measure>>>> = {};
  const rss: Record<string, number> = {};
  for (const mode of ["bare", "api", "api-no-authz"]) {
    const { child, url: target } = await start(mode);
    results[mode] = {};
    for (const size of SIZES) {
      const request = { url: target, body: JSON.stringify({ query: DASHBOARD_QUERY }), headers: { authorization: `Bearer ${tokens.get(size)}` }, check: (body: string) => body.includes('"edges"') && !body.includes('"errors"') };
      await measure({ ...request, concurrency: CONCURRENCY, seconds: 2 });
      results[mode]![size] = await measure({ ...request, concurrency: CONCURRENCY, seconds: SECONDS });
    }
    rss[mode] = peakRssMb(child);
    child.kill("SIGKILL");
  }

  log(`\nDashboard under load: ${CONCURRENCY} concurrent clients, ${SECONDS} s per run, after a 2 s warm-up`);
  log("  server          clients  req/s    p50 ms  p95 ms  failed");
  for (const [mode, bySize] of Object.entries(results)) {
    for (const [size, r] of Object.entries(bySize)) {
      log(`  ${mode.padEnd(14)} ${size.padStart(7)}  ${r.throughput.toFixed(1).padStart(7)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p95.toFixed(1).padStart(6)}  ${r.failures}`);
    }
  }
  log("\nRatios (same run)");
  for (const size of SIZES) {
    const api = results.api![size]!;
    const bare = results.bare![size]!;
    const noAuthz = results["api-no-authz"]![size]!;
    const authzCost = 1 - api.throughput / noAuthz.throughput;
    log(`  ${size} clients: API/bare throughput ${(api.throughput / bare.throughput).toFixed(2)} (target >= 0.5); authorization costs ${(authzCost * 100).toFixed(1)}% of throughput (target <= 15%), p95 ${api.p95.toFixed(1)} vs ${noAuthz.p95.toFixed(1)} ms`);
  }
  log(`\nPeak RSS: ${Object.entries(rss).map(([mode, mb]) => `${mode} ${mb.toFixed(0)} MB`).join(", ")}`);
  const equal = counts.every((c) => c === counts[0]);
  log(`Statements equal at every size: ${equal ? "yes" : "NO"}; at most 8: ${Math.max(...counts) <= 8 ? "yes" : "NO"}`);
  await database.close();
} finally {
  for (const child of children) child.kill("SIGKILL");
  server.stop();
}
