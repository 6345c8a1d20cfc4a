import { describe, expect, it } from "vitest";
import { clientFor, countRequests, syncroServerPerTest } from "../testing/test-helpers.js";
import { SyncroClient } from "./client.js";
import { SlidingWindowLimiter } from "./rate-limiter.js";

// Each test starts its own server; all are closed after it.
const start = syncroServerPerTest();

// The limiter controls when requests leave; the server counts when they arrive. Its window
// is shorter so that time on the wire (slow on a busy test machine) cannot make two
// requests a client window apart look closer together to the server.
const SERVER_WINDOW_MS = 200;
const CLIENT_WINDOW_MS = 400;

describe("SyncroClient rate limiting", () => {
  it("queues a burst so Syncro never sees more than the limit in a window", async () => {
    const server = await start({ rateLimit: { max: 5, windowMs: SERVER_WINDOW_MS } });
    const client = clientFor(server, { maxRequestsPerMinute: 5, windowMs: CLIENT_WINDOW_MS, maxRetries: 0 });
    // A first connection is slow to open; without it the first few arrivals straggle.
    await client.verify();
    const pages = await Promise.all(Array.from({ length: 12 }, () => client.listTickets()));
    expect(pages).toHaveLength(12);
    expect(countRequests(server, { path: "/tickets", status: 200 })).toBe(12);
    expect(countRequests(server, { path: "/tickets", status: 429 })).toBe(0);
  });

  it("would have been refused without the limiter (the server's limit is real)", async () => {
    // A long window here, so that however slowly the burst arrives it all counts.
    const server = await start({ rateLimit: { max: 5, windowMs: 5_000 } });
    const client = clientFor(server, { maxRequestsPerMinute: 12, windowMs: CLIENT_WINDOW_MS, maxRetries: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => client.listTickets()));
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(7);
    expect(countRequests(server, { path: "/tickets", status: 429 })).toBe(7);
  });

  it("lets callers through in the order they asked", async () => {
    const limiter = new SlidingWindowLimiter({ maxRequests: 2, windowMs: 40 });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, index) => limiter.acquire().then(() => order.push(index))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("refuses a limit above Syncro's 180 a minute", () => {
    expect(() => new SyncroClient({ baseUrl: "https://acme.syncromsp.com/api/v1", apiToken: "T-x", maxRequestsPerMinute: 200 })).toThrow(RangeError);
  });
});
