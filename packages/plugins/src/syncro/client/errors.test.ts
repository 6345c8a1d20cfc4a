import { describe, expect, it } from "vitest";
import { clientFor, countRequests, recordingLogger, rejectionOf, syncroServerPerTest } from "../testing/test-helpers.js";
import { SyncroClient } from "./client.js";
import { TOKEN_REJECTED_MESSAGE } from "./errors.js";
import type { TSyncroHealth } from "./health.js";

// Each test starts its own server; all are closed after it.
const start = syncroServerPerTest();

describe("SyncroClient failures", () => {
  it("reports a rejected token as unauthorized, once, without the token anywhere", async () => {
    const server = await start();
    const wrongToken = "T-wrong-9f8e7d6c5b4a";
    const logger = recordingLogger();
    const health: TSyncroHealth[] = [];
    const client = clientFor(server, { apiToken: wrongToken, logger, onHealthChange: (change) => health.push(change) });

    const error = await rejectionOf(client.verify());
    expect(error.kind).toBe("unauthorized");
    expect(error.status).toBe(401);
    expect(error.message).toBe(TOKEN_REJECTED_MESSAGE);
    expect(error.message).toMatch(/^Syncro rejected the API token/);
    const everything = JSON.stringify({ message: error.message, stack: error.stack, logs: logger.lines, health });
    expect(everything).not.toContain(wrongToken);
    expect(everything).not.toContain(server.token);
    // A bad token does not get better by asking again.
    expect(countRequests(server, { path: "/me" })).toBe(1);
  });

  it("verifies a good token with GET /me, which a token with few permissions passes too", async () => {
    const server = await start();
    server.state.denyPermission("Tickets - List/Search");
    const me = await clientFor(server).verify();
    expect(me).toMatchObject({ userId: server.state.apiUserId, permissions: { ticket: { read: false, write: true } } });
    expect(server.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(["GET /me"]);
  });

  it("tells a missing permission from a dead token: a 401 while GET /me works names the permission and never makes the connection FAILING", async () => {
    const server = await start();
    server.state.denyPermission("Customers - View Detail");
    const client = clientFor(server, { failingAfter: 2 });
    for (let call = 0; call < 3; call++) {
      const error = await rejectionOf(client.listContacts({ customerId: 1 }));
      expect(error).toMatchObject({ kind: "forbidden", status: 401, permission: "Customers - View Detail", transient: false });
      expect(error.message).toBe(
        'Syncro refused GET /contacts (HTTP 401): the API token lacks the permission "Customers - View Detail"; add it to the token in Syncro (Admin > API Tokens), the rest keeps working',
      );
    }
    expect(client.health).toEqual({ status: "DEGRADED", lastError: expect.stringContaining('"Customers - View Detail"') });
    expect(server.requests.map(({ method, path, status }) => `${method} ${path} ${status}`).slice(0, 2)).toEqual(["GET /contacts 401", "GET /me 200"]);
    // The rest works: a call the token may make restores the connection.
    await client.listTickets();
    expect(client.health.status).toBe("OK");
  });

  it("reports a token that dies later as unauthorized: GET /me is refused as well", async () => {
    const server = await start();
    const client = clientFor(server, { failingAfter: 1 });
    await client.listTickets();
    server.state.revokeToken();
    const error = await rejectionOf(client.listContacts());
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, message: TOKEN_REJECTED_MESSAGE, permission: undefined });
    expect(client.health.status).toBe("FAILING");
    expect(countRequests(server, { path: "/me" })).toBe(1);
  });

  it("reports an unknown host as unreachable, pointing at the subdomain", async () => {
    const client = new SyncroClient({ baseUrl: "https://no-such-host.invalid/api/v1", apiToken: "T-some-token", maxRetries: 0 });
    const error = await rejectionOf(client.listTickets());
    expect(error.kind).toBe("unreachable");
    expect(error.message).toBe("Syncro host not found: check the subdomain (no-such-host.invalid)");
  });

  it("retries a GET when nothing listens, then reports unreachable", async () => {
    const server = await start();
    await server.close();
    const logger = recordingLogger();
    const error = await rejectionOf(clientFor(server, { maxRetries: 2, logger }).listTickets());
    expect(error.kind).toBe("unreachable");
    expect(error.message).toMatch(/^Syncro could not be reached at 127\.0\.0\.1:\d+ \(connection refused\)/);
    expect(logger.lines.filter((line) => line.msg === "Syncro call failed; retrying")).toHaveLength(2);
  });

  it("times out a slow answer", async () => {
    const server = await start();
    server.faults.delayNext(1, 1_000);
    const error = await rejectionOf(clientFor(server, { timeoutMs: 50, maxRetries: 0 }).listTickets());
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe("Syncro did not answer within 50 ms (GET /tickets)");
  });

  it("reports JSON of the wrong shape as bad_payload, naming the field", async () => {
    const server = await start();
    server.faults.badPayloadNext(1);
    const error = await rejectionOf(clientFor(server).listTickets());
    expect(error.kind).toBe("bad_payload");
    expect(error.message).toMatch(/^Syncro answered GET \/tickets in an unexpected shape \(body: /);
    expect(countRequests(server, { path: "/tickets" })).toBe(1);
  });

  it("reports a web page instead of JSON as bad_payload with a hint", async () => {
    const server = await start();
    server.faults.badPayloadNext(1, { body: "<!DOCTYPE html><html><body>Sign in to Syncro</body></html>" });
    const error = await rejectionOf(clientFor(server).getCustomer(1));
    expect(error.kind).toBe("bad_payload");
    expect(error.message).toBe("Syncro sent an answer to GET /customers/1 that is not JSON; Syncro answered with a web page: check the subdomain");
  });

  it("maps 404 to not_found and 403 to forbidden", async () => {
    const server = await start();
    const client = clientFor(server);
    const missing = await rejectionOf(client.getTicket(4242));
    expect(missing).toMatchObject({ kind: "not_found", status: 404, message: "Syncro answered 404 (not found) on GET /tickets/4242" });
    server.faults.failNext(1, 403);
    const forbidden = await rejectionOf(client.listCustomers());
    expect(forbidden).toMatchObject({ kind: "forbidden", permission: "Customers - List/Search" });
    expect(forbidden.message).toContain('the API token lacks the permission "Customers - List/Search"');
  });

  it("maps 422 and other 4xx to bad_request with the status and a short reason, never Syncro's words", async () => {
    const server = await start();
    const customer = server.state.addCustomer({ businessName: "Acme Ltd" });
    const client = clientFor(server);
    const invalid = await rejectionOf(client.createTicket({ customerId: customer.id, subject: "  " }));
    expect(invalid).toMatchObject({ kind: "bad_request", status: 422, message: "Syncro answered 422 (request rejected) on POST /tickets" });
    server.faults.failNext(1, 400);
    const rejected = await rejectionOf(client.listTickets());
    expect(rejected).toMatchObject({ kind: "bad_request", status: 400 });
    expect(countRequests(server, { method: "GET", path: "/tickets" })).toBe(1);
  });

  it("refuses a base URL on a loopback name before anything is sent, and does not retry it", async () => {
    const server = await start();
    const local = new URL(server.url);
    const client = new SyncroClient({ baseUrl: `https://localhost:${local.port}/api/v1`, apiToken: server.token, maxRetries: 3, backoffBaseMs: 1 });
    const error = await rejectionOf(client.listTickets());
    expect(error.kind).toBe("not_allowed");
    expect(error.message).toBe(`Syncro may not be called at localhost:${local.port}: address not allowed (localhost resolves to a loopback address)`);
    expect(error.transient).toBe(false);
    expect(server.requests).toEqual([]);
  });

  it("rejects bad ids and pages before calling Syncro", async () => {
    const server = await start();
    const client = clientFor(server);
    await expect(client.getTicket(0)).rejects.toThrow(RangeError);
    await expect(client.listTickets({ page: 1.5 })).rejects.toThrow(RangeError);
    expect(server.requests).toEqual([]);
  });
});
