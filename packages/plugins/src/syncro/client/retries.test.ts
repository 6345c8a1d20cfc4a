import { describe, expect, it } from "vitest";
import { clientFor, countRequests, recordingLogger, rejectionOf, statusesFor, until, syncroServerPerTest } from "../testing/test-helpers.js";
import type { TSyncroAddCommentInput } from "./inputs.js";

// Each test starts its own server; all are closed after it.
const start = syncroServerPerTest();

const note: TSyncroAddCommentInput = { subject: "Update", body: "Replaced the toner", tech: "Dana Reyes", hidden: false, doNotEmail: false };

describe("SyncroClient retries", () => {
  it("waits out a 429 burst with Retry-After, then every call succeeds", async () => {
    const server = await start();
    server.state.addTicket();
    // The fake keeps refusing until Retry-After has passed, so an early retry shows up as an extra 429.
    server.faults.rateLimitNext(1, { retryAfterSeconds: 1 });
    const client = clientFor(server);
    const pages = await Promise.all([1, 2, 3, 4].map(() => client.listTickets()));
    expect(pages.map((page) => page.tickets.length)).toEqual([1, 1, 1, 1]);
    expect(statusesFor(server, "/tickets")).toEqual([429, 429, 429, 429, 200, 200, 200, 200]);
    expect(client.health.status).toBe("OK");
  });

  it("holds other callers back while Syncro's Retry-After runs", async () => {
    const server = await start();
    server.faults.rateLimitNext(1, { retryAfterSeconds: 1 });
    const logger = recordingLogger();
    const client = clientFor(server, { logger });
    const first = client.listTickets();
    await until(() => logger.lines.some((line) => line.msg === "Syncro call failed; retrying"));
    const second = client.listCustomers();
    await Promise.all([first, second]);
    // Had the second call gone out during the pause, the server would have refused it too.
    expect(server.requests[0]?.status).toBe(429);
    expect(server.requests.slice(1).map(({ path, status }) => `${path} ${status}`).sort()).toEqual(["/customers 200", "/tickets 200"]);
  });

  it("after a 429 without Retry-After (Syncro sends none) holds every caller for a whole window, then succeeds", async () => {
    const server = await start();
    server.faults.rateLimitNext(2);
    const logger = recordingLogger();
    // The window stands in for Syncro's minute.
    const client = clientFor(server, { logger, windowMs: 300 });
    const started = performance.now();
    const first = client.listTickets();
    await until(() => logger.lines.length > 0);
    const second = client.listCustomers();
    await Promise.all([first, second]);
    // Two 429s, each followed by a whole window in which neither caller sent anything.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 300 - 20);
    expect(server.requests.map((request) => request.status)).toEqual([429, 429, 200, 200]);
    expect(logger.lines.map((line) => line.obj.kind)).toEqual(["rate_limited", "rate_limited"]);
  });

  it("fails at once when Retry-After is longer than it may wait", async () => {
    const server = await start();
    server.faults.rateLimitNext(1, { retryAfterSeconds: 3_600 });
    const error = await rejectionOf(clientFor(server, { maxRetryAfterMs: 5_000 }).listTickets());
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 3_600_000 });
    expect(countRequests(server, { path: "/tickets" })).toBe(1);
  });

  it("retries a GET after 5xx and after a timeout", async () => {
    const server = await start();
    server.faults.failNext(1, 502);
    server.faults.delayNext(1, 1_000);
    server.faults.failNext(1, 503);
    await clientFor(server, { timeoutMs: 300 }).getCustomer(server.state.addCustomer().id);
    expect(server.requests).toHaveLength(4);
    expect(server.requests.at(-1)?.status).toBe(200);
  });

  it("gives up after maxRetries and reports the server error", async () => {
    const server = await start();
    server.faults.failNext(10, 500);
    const error = await rejectionOf(clientFor(server, { maxRetries: 2 }).listTickets());
    expect(error).toMatchObject({ kind: "server", status: 500, message: "Syncro answered 500 (server error) on GET /tickets" });
    expect(countRequests(server, { path: "/tickets" })).toBe(3);
  });

  it("retries a PUT after a 5xx, since repeating it changes nothing", async () => {
    const server = await start();
    const ticket = server.state.addTicket();
    server.faults.failNext(1, 500);
    const updated = await clientFor(server).updateTicket(ticket.id, { status: "In Progress" });
    expect(updated.status).toBe("In Progress");
    expect(statusesFor(server, `/tickets/${ticket.id}`)).toEqual([500, 200]);
  });

  it("does not retry a comment after a 500, so it is never posted twice", async () => {
    const server = await start();
    const ticket = server.state.addTicket();
    server.faults.failNext(1, 500);
    const error = await rejectionOf(clientFor(server).addComment(ticket.id, note));
    expect(error.kind).toBe("server");
    expect(error.message).toContain("check Syncro before trying again");
    expect(countRequests(server, { method: "POST", path: `/tickets/${ticket.id}/comment` })).toBe(1);
  });

  it("does not retry a comment after a timeout, though Syncro may still save it", async () => {
    const server = await start();
    const ticket = server.state.addTicket();
    server.faults.delayNext(1, 200);
    const error = await rejectionOf(clientFor(server, { timeoutMs: 50 }).addComment(ticket.id, note));
    expect(error.kind).toBe("timeout");
    expect(countRequests(server, { method: "POST", path: `/tickets/${ticket.id}/comment` })).toBe(1);
    // The slow server finishes the work after the client gave up: a retry would have doubled it.
    await until(() => server.state.ticket(ticket.id)?.comments.length === 1);
  });

  it("retries a comment after a 429, which Syncro refused before doing anything", async () => {
    const server = await start();
    const ticket = server.state.addTicket();
    server.faults.rateLimitNext(1);
    const comment = await clientFor(server, { windowMs: 100 }).addComment(ticket.id, note);
    expect(comment.body).toBe("Replaced the toner");
    expect(statusesFor(server, `/tickets/${ticket.id}/comment`)).toEqual([429, 200]);
    expect(server.state.ticket(ticket.id)?.comments).toHaveLength(1);
  });
});
