import { afterEach, describe, expect, it } from "vitest";
import { generateMonitoringRows } from "../testing/generate-rows.js";
import { startMsp360Server, type TMsp360Server } from "../testing/msp360-server.js";
import { clientFor, countRequests, rejectionOf } from "../testing/test-helpers.js";
import { memoryTokenCache } from "./token.js";

const servers: TMsp360Server[] = [];

async function start() {
  const server = await startMsp360Server({ monitoring: generateMonitoringRows(300) });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe("Msp360Client retries and failures", () => {
  it("retries 5xx with full-jitter backoff and then succeeds", async () => {
    const server = await start();
    const waits: number[] = [];
    const client = clientFor(server, { backoffBaseMs: 100, random: () => 0.5, sleep: async (ms) => void waits.push(ms) });
    server.faults.failNext(1, 502);
    server.faults.failNext(1, 503);
    await expect(client.companies()).resolves.toHaveLength(3);
    expect(server.requests.filter((r) => r.path === "/api/Companies").map((r) => r.status)).toEqual([502, 503, 200]);
    // Half of each doubling ceiling: 100 ms, then 200 ms.
    expect(waits).toEqual([50, 100]);
  });

  it("stops after maxRetries and reports the server error", async () => {
    const server = await start();
    server.faults.failNext(10, 500);
    const error = await rejectionOf(clientFor(server, { maxRetries: 2 }).users());
    expect(error.kind).toBe("server");
    expect(error.status).toBe(500);
    expect(error.message).toBe("MSP360 answered 500 (server error) on GET /api/Users");
    expect(countRequests(server, { path: "/api/Users" })).toBe(3);
  });

  it("times out a slow answer", async () => {
    const server = await start();
    server.faults.delayNext(1, 2_000);
    const error = await rejectionOf(clientFor(server, { timeoutMs: 100, maxRetries: 0 }).companies());
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe("MSP360 did not answer GET /api/Companies within 100 ms");
  });

  it("retries after a timeout and succeeds when MSP360 answers in time", async () => {
    const server = await start();
    server.faults.delayNext(1, 2_000);
    await expect(clientFor(server, { timeoutMs: 100, maxRetries: 1 }).computers(0, 10)).resolves.toHaveLength(10);
  });

  it("reports a non-JSON answer as bad_payload without retrying it", async () => {
    const server = await start();
    server.faults.badPayloadNext(1);
    const error = await rejectionOf(clientFor(server).companies());
    expect(error.kind).toBe("bad_payload");
    expect(error.message).toBe("MSP360 sent an answer to GET /api/Companies that is not JSON");
    expect(countRequests(server, { path: "/api/Companies" })).toBe(1);
  });

  it("reports JSON of the wrong shape as bad_payload, naming the field", async () => {
    const server = await start();
    server.state.setCompanies([{ Name: "No id Ltd" } as never]);
    const error = await rejectionOf(clientFor(server).companies());
    expect(error.kind).toBe("bad_payload");
    expect(error.message).toContain("(0.Id:");
  });

  it("maps 404 to not_found and other 4xx to bad_request with MSP360's message", async () => {
    const server = await start();
    const client = clientFor(server);
    const missing = await rejectionOf(client.monitoringRows({ userId: "no-such-user" }).next());
    expect(missing.kind).toBe("not_found");
    expect(missing.message).toBe("MSP360 answered 404 (not found) on GET /api/Monitoring/no-such-user");
    server.faults.failNext(1, 400);
    const rejected = await rejectionOf(client.users());
    expect(rejected.kind).toBe("bad_request");
    expect(rejected.retryable).toBe(false);
  });

  it("reports a server that is not there as unreachable, after retrying the GET", async () => {
    const server = await start();
    await server.close();
    // A cached token skips the login (a POST, never retried) and goes straight to the GET.
    const tokenCache = memoryTokenCache();
    await tokenCache.set({ accessToken: "cached-token", expiresAt: new Date(Date.now() + 60 * 60 * 1000) });
    const waits: number[] = [];
    const client = clientFor(server, { tokenCache, maxRetries: 2, sleep: async (ms) => void waits.push(ms) });
    const error = await rejectionOf(client.companies());
    expect(error.kind).toBe("unreachable");
    expect(error.message).toBe("MSP360 could not be reached for GET /api/Companies (connection refused); check the network and the API address");
    expect(waits).toHaveLength(2);
  });

  it("rejects a bad page request before calling MSP360", async () => {
    const server = await start();
    await expect(clientFor(server).computers(-1, 10)).rejects.toThrow(RangeError);
    expect(server.requests).toEqual([]);
  });
});
