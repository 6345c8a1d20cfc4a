import { afterEach, describe, expect, it, vi } from "vitest";
import { generateMonitoringRows } from "../testing/generate-rows.js";
import { startMsp360Server, type TMsp360Server } from "../testing/msp360-server.js";
import { clientFor, countRequests, exposeGc, rejectionOf } from "../testing/test-helpers.js";
import type { TMsp360InvalidRow } from "./monitoring-stream.js";
import type { TMsp360MonitoringRow } from "./schemas.js";

const servers: TMsp360Server[] = [];

async function start(options: Parameters<typeof startMsp360Server>[0] = {}) {
  const server = await startMsp360Server(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const MB = 1024 * 1024;
const now = new Date("2025-03-10T09:00:00Z");

describe("Msp360Client.monitoringRows", () => {
  it("streams 10,000 rows in one call without holding them all in memory", async () => {
    const wire = generateMonitoringRows(10_000, { now });
    const server = await start({ monitoring: wire });
    const client = clientFor(server);
    const gc = exposeGc();
    const heap = () => process.memoryUsage().heapUsed;
    // Warm up: log in and load everything a first stream touches, so it is not counted.
    for await (const row of client.monitoringRows({ userId: wire[0]?.UserID ?? "" })) expect(row).toBeDefined();

    gc();
    const baseline = heap();
    let peak = 0;
    let count = 0;
    for await (const row of client.monitoringRows()) {
      count++;
      expect(row.Status).toBeTypeOf("number");
      if (count % 500 === 0) {
        gc();
        peak = Math.max(peak, heap() - baseline);
      }
    }

    gc();
    const beforeHolding = heap();
    const held: TMsp360MonitoringRow[] = [];
    for await (const row of client.monitoringRows()) held.push(row);
    gc();
    const holding = heap() - beforeHolding;

    const payload = Buffer.byteLength(JSON.stringify(wire));
    console.log(
      `[msp360] 10,000 monitoring rows (${(payload / MB).toFixed(1)} MB of JSON): peak heapUsed growth while streaming ` +
        `${(peak / MB).toFixed(2)} MB (sampled after GC every 500 rows); holding all parsed rows takes ${(holding / MB).toFixed(2)} MB`,
    );
    expect(count).toBe(10_000);
    expect(held).toHaveLength(10_000);
    expect(peak).toBeLessThan(holding / 5);
    expect(countRequests(server, { path: "/api/Monitoring" })).toBe(2);
  });

  it("parses dates, .NET's MinValue and numbers from the wire", async () => {
    const wire = generateMonitoringRows(50, { now });
    const server = await start({ monitoring: wire });
    const rows: TMsp360MonitoringRow[] = [];
    for await (const row of clientFor(server).monitoringRows()) rows.push(row);
    expect(rows).toHaveLength(50);
    const first = wire[0];
    expect(rows[0]).toMatchObject({ PlanName: first?.PlanName, ComputerName: first?.ComputerName, TotalData: first?.TotalData });
    expect(rows[0]?.LastStart).toEqual(new Date(`${first?.LastStart}Z`));
    const unscheduled = wire.findIndex((row) => row.NextStart.startsWith("0001"));
    expect(unscheduled).toBeGreaterThanOrEqual(0);
    expect(rows[unscheduled]?.NextStart).toBeNull();
  });

  it("skips and reports invalid rows, and returns the counts", async () => {
    const [good, other] = generateMonitoringRows(2, { now });
    const server = await start();
    server.state.setMonitoring([good, { ...good, Status: "broken" }, other, { ...good, LastStart: "last Tuesday" }, 42, null] as never);
    const invalid: TMsp360InvalidRow[] = [];
    const iterator = clientFor(server).monitoringRows({ onInvalidRow: (row) => invalid.push(row) });
    const names: Array<string | null> = [];
    let step = await iterator.next();
    while (!step.done) {
      names.push(step.value.PlanName);
      step = await iterator.next();
    }
    expect(names).toEqual([good?.PlanName, other?.PlanName]);
    expect(step.value).toEqual({ rows: 2, invalid: 4 });
    expect(invalid.map((row) => row.index)).toEqual([1, 3, 4, 5]);
    expect(invalid[0]?.problem).toContain("Status");
    expect(invalid[1]?.problem).toBe("LastStart: not a date");
  });

  it("narrows to one backup user with /api/Monitoring/{UserID}", async () => {
    const wire = generateMonitoringRows(200, { now });
    const server = await start({ monitoring: wire });
    const userId = wire[10]?.UserID ?? "";
    const rows: TMsp360MonitoringRow[] = [];
    for await (const row of clientFor(server).monitoringRows({ userId })) rows.push(row);
    expect(rows.length).toBe(wire.filter((row) => row.UserID === userId).length);
    expect(new Set(rows.map((row) => row.UserID))).toEqual(new Set([userId]));
  });

  it("reports an HTML page instead of the array as bad_payload", async () => {
    const server = await start({ monitoring: generateMonitoringRows(10, { now }) });
    server.faults.badPayloadNext(1);
    const error = await rejectionOf(clientFor(server).monitoringRows().next());
    expect(error.kind).toBe("bad_payload");
    expect(error.message).toBe("MSP360 sent an unreadable answer to GET /api/Monitoring: the payload is not a JSON array");
  });

  it("times out a download that stalls midway, after the rows already read", async () => {
    const server = await start({ monitoring: generateMonitoringRows(100, { now }), chunkRows: 10 });
    server.faults.stallNext(1, 5_000);
    let seen = 0;
    const error = await rejectionOf(
      (async () => {
        for await (const row of clientFor(server, { timeoutMs: 150 }).monitoringRows()) seen += row ? 1 : 0;
      })(),
    );
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe("MSP360 stopped sending GET /api/Monitoring for more than 150 ms");
    expect(seen).toBe(10);
  });

  it("retries a failed connection before any row is read", async () => {
    const server = await start({ monitoring: generateMonitoringRows(30, { now }) });
    server.faults.failNext(2, 503);
    let count = 0;
    for await (const row of clientFor(server).monitoringRows()) count += row ? 1 : 0;
    expect(count).toBe(30);
    expect(server.requests.filter((r) => r.path === "/api/Monitoring").map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("stops with the caller's own reason when the caller aborts midway", async () => {
    const server = await start({ monitoring: generateMonitoringRows(1_000, { now }), chunkRows: 10 });
    server.faults.stallNext(1, 5_000);
    const controller = new AbortController();
    const reason = new Error("poller shutting down");
    const rows = clientFor(server).monitoringRows({ signal: controller.signal });
    await rows.next();
    controller.abort(reason);
    await expect(
      (async () => {
        for await (const row of rows) expect(row).toBeDefined();
      })(),
    ).rejects.toBe(reason);
  });

  it("cancels the download when the caller stops early, and the next call works", async () => {
    // Far more than socket buffers hold, so the server can only finish if the client reads on.
    const wire = generateMonitoringRows(30_000, { now });
    const server = await start({ monitoring: wire, chunkRows: 50 });
    const client = clientFor(server);
    let taken = 0;
    for await (const row of client.monitoringRows()) {
      if (++taken === 5 && row) break;
    }
    const first = server.requests.find((request) => request.path === "/api/Monitoring");
    await vi.waitFor(() => expect(first?.aborted).toBe(true));
    expect(first?.status).toBeUndefined();
    let count = 0;
    for await (const row of client.monitoringRows({ userId: wire[0]?.UserID ?? "" })) count += row ? 1 : 0;
    expect(count).toBeGreaterThan(0);
  });
});
