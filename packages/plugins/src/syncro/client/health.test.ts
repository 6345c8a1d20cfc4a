import { describe, expect, it } from "vitest";
import { clientFor, rejectionOf, syncroServerPerTest } from "../testing/test-helpers.js";
import type { TSyncroHealth } from "./health.js";

// Each test starts its own server; all are closed after it.
const start = syncroServerPerTest();

const SERVER_ERROR = "Syncro answered 503 (server error) on GET /tickets";

describe("SyncroClient health", () => {
  it("goes OK -> DEGRADED -> FAILING -> OK, telling the listener only about changes", async () => {
    const server = await start();
    const changes: TSyncroHealth[] = [];
    const client = clientFor(server, { maxRetries: 0, onHealthChange: (health) => changes.push(health) });
    expect(client.health).toEqual({ status: "OK", lastError: null });

    server.faults.failNext(4, 503);
    const seen: string[] = [];
    for (let call = 0; call < 4; call++) {
      await rejectionOf(client.listTickets());
      seen.push(client.health.status);
    }
    expect(seen).toEqual(["DEGRADED", "DEGRADED", "FAILING", "FAILING"]);
    expect(client.health.lastError).toBe(SERVER_ERROR);

    await client.listTickets();
    expect(client.health).toEqual({ status: "OK", lastError: null });
    expect(changes).toEqual([
      { status: "DEGRADED", lastError: SERVER_ERROR },
      { status: "FAILING", lastError: SERVER_ERROR },
      { status: "OK", lastError: null },
    ]);
  });

  it("counts a call once, after its retries: a call that recovers leaves health alone", async () => {
    const server = await start();
    const changes: TSyncroHealth[] = [];
    server.faults.failNext(2, 502);
    await clientFor(server, { maxRetries: 2, onHealthChange: (health) => changes.push(health) }).listTickets();
    expect(changes).toEqual([]);
  });

  it("treats a 404 as an answer from a working connection", async () => {
    const server = await start();
    const client = clientFor(server, { maxRetries: 0 });
    server.faults.failNext(1, 500);
    await rejectionOf(client.listTickets());
    expect(client.health.status).toBe("DEGRADED");
    await rejectionOf(client.getTicket(999));
    expect(client.health.status).toBe("OK");
  });

  it("marks the connection failing after the configured number of failures", async () => {
    const server = await start();
    const client = clientFor(server, { maxRetries: 0, failingAfter: 1, apiToken: "T-revoked" });
    const error = await rejectionOf(client.verify());
    expect(client.health).toEqual({ status: "FAILING", lastError: error.message });
  });
});
