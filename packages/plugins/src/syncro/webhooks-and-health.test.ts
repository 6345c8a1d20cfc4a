import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncroPluginHarness, startSyncroPluginHarness } from "./testing/plugin-harness.js";

describe("Syncro webhooks, rate limits and connection health", () => {
  let h: SyncroPluginHarness;
  const deliver = (body: unknown) => h.t.api.fetch(new Request(`http://test${h.webhookPath}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  const status = async () => (await h.t.database.prisma.integrationConnection.findFirstOrThrow({ where: { pluginId: "syncro" } })).status;

  beforeAll(async () => {
    h = await startSyncroPluginHarness();
  });
  afterAll(() => h.close());

  it("brings in a new ticket when Syncro's webhook names it, re-reading it rather than trusting the body", async () => {
    const remote = h.server.state.addTicket({ customerId: h.customerId, subject: "Scanner offline" });
    const body = { text: "A Ticket was created\nScanner offline", attributes: { id: remote.id, subject: "Forged subject", customer_id: h.customerId } };
    expect((await deliver(body)).status).toBe(202);
    expect((await deliver(body)).status).toBe(200);
    await h.work();
    const local = await h.t.database.prisma.ticket.findMany({ where: { externalId: String(remote.id) } });
    expect(local.map((ticket) => ticket.subject)).toEqual(["Scanner offline"]);
    expect(h.takeRequests().filter((r) => r === `GET /tickets/${remote.id}`)).toHaveLength(1);
    expect(await h.t.database.prisma.integrationEvent.count({ where: { kind: "webhook" } })).toBe(1);
  });

  it("picks up a comment added in Syncro through the comment's webhook", async () => {
    const remote = h.server.state.tickets.all().find((ticket) => ticket.subject === "Scanner offline")!;
    const comment = h.server.state.tickets.addComment(remote.id, { subject: "Update", body: "Driver reinstalled", tech: "Dana", hidden: false, doNotEmail: false, smsBody: null, userId: null });
    expect((await deliver({ text: "A Comment was added", attributes: { id: comment.id, ticket_id: remote.id } })).status).toBe(202);
    await h.work();
    const local = await h.t.database.prisma.ticket.findFirstOrThrow({ where: { externalId: String(remote.id) }, include: { comments: true } });
    expect(local.comments.map((c) => [c.body, c.tech])).toEqual([["Driver reinstalled", "Dana"]]);
  });

  it("slows down through a 429 storm and loses no update", async () => {
    for (let i = 0; i < 30; i++) h.server.state.addTicket({ customerId: h.customerId, subject: `Storm ${i}` });
    h.takeRequests();
    // A short storm is ridden out inside one call: Retry-After is honoured, then backoff.
    h.server.faults.rateLimitNext(2, { retryAfterSeconds: 0 });
    h.server.faults.rateLimitNext(1);
    await h.sync();
    expect(await h.t.database.prisma.ticket.count({ where: { subject: { startsWith: "Storm " } } })).toBe(30);
    expect(h.server.requests.filter((request) => request.status === 429)).toHaveLength(3);

    // A longer one fails the sync; it is retried later, and nothing is lost.
    for (let i = 0; i < 30; i++) h.server.state.addTicket({ customerId: h.customerId, subject: `Second storm ${i}` });
    h.server.faults.rateLimitNext(6);
    await h.sync();
    const failed = await h.t.database.prisma.integrationEvent.findFirstOrThrow({ where: { kind: "sync", status: "PENDING" } });
    expect(failed.lastError).toMatch(/rate limit/);
    expect(await status()).toBe("DEGRADED");
    await h.t.database.prisma.integrationEvent.update({ where: { id: failed.id }, data: { runAt: new Date() } });
    await h.work();
    expect(await h.t.database.prisma.ticket.count({ where: { subject: { startsWith: "Second storm " } } })).toBe(30);
    expect(await status()).toBe("OK");
  });

  it("moves the connection OK -> DEGRADED -> FAILING while Syncro fails, and back to OK when it recovers", async () => {
    const seen = [await status()];
    for (let attempt = 0; attempt < 3; attempt++) {
      // Every try of the listing fails (a first try and three retries).
      h.server.faults.failNext(4, 503);
      await h.sync();
      seen.push(await status());
    }
    const connection = await h.t.database.prisma.integrationConnection.findFirstOrThrow({ where: { pluginId: "syncro" } });
    expect(connection.lastError).toMatch(/^Syncro answered 503 \(server error\) on GET \//);
    await h.sync();
    seen.push(await status());
    expect(seen).toEqual(["OK", "DEGRADED", "DEGRADED", "FAILING", "OK"]);
    const shown = await h.t.gql("{ integrations(first: 5) { edges { node { status lastError } } } }", {}, { token: h.owner });
    expect(shown.data!.integrations.edges[0].node).toEqual({ status: "OK", lastError: null });
  });

  it("keeps a token that lacks one permission DEGRADED, naming the permission, however often it is refused, and the rest working", async () => {
    h.server.state.denyPermission("Customers - List/Search");
    for (let attempt = 0; attempt < 4; attempt++) await h.t.gql("{ syncroCustomers { page } }", {}, { token: h.owner });
    const connection = await h.t.database.prisma.integrationConnection.findFirstOrThrow({ where: { pluginId: "syncro" } });
    expect(connection.status).toBe("DEGRADED");
    expect(connection.lastError).toBe(
      'Syncro refused GET /customers (HTTP 401): the API token lacks the permission "Customers - List/Search"; add it to the token in Syncro (Admin > API Tokens), the rest keeps working',
    );
    // Each refusal was checked against GET /me, which answered: the token is alive.
    expect(h.takeRequests().slice(-2)).toEqual(["GET /customers", "GET /me"]);
    h.server.state.addTicket({ customerId: h.customerId, subject: "Still syncing" });
    await h.sync();
    expect(await h.t.database.prisma.ticket.count({ where: { subject: "Still syncing" } })).toBe(1);
    expect(await status()).toBe("OK");
    h.server.state.allowPermission("Customers - List/Search");
  });

  it("sets FAILING at once when the token is dead: GET /me is refused too", async () => {
    h.server.state.revokeToken();
    h.takeRequests();
    await h.sync();
    const connection = await h.t.database.prisma.integrationConnection.findFirstOrThrow({ where: { pluginId: "syncro" } });
    expect(connection.status).toBe("FAILING");
    expect(connection.lastError).toMatch(/^Syncro rejected the API token/);
    expect(h.takeRequests()).toEqual(["GET /tickets", "GET /me"]);
  });
});
