import { type Database, databaseFromUrl } from "@mspgraph/db";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EgressLimiter } from "./egress-limiter.js";

/** The most start times that fall in any span of `windowMs`. */
function busiestWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  return Math.max(...sorted.map((start, i) => sorted.slice(i).filter((other) => other < start + windowMs).length));
}

describe("the egress limiter kept in the database", () => {
  let database: TestDatabase;
  // A second instance's own connections on PostgreSQL; PGlite has one connection for all.
  let other: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    other = database.url ? databaseFromUrl(database.url) : database;
  });
  afterAll(async () => {
    if (other !== database) await other.close();
    await database.close();
  });

  it("paces two instances on one address as one: never more than the limit in any window", async () => {
    const limit = { egress: "nat-1", maxRequests: 20, windowMs: 1_000 };
    const instances = [new EgressLimiter(database.prisma, limit), new EgressLimiter(other.prisma, limit)];
    const starts: number[][] = [[], []];
    const started = performance.now();
    await Promise.all(instances.flatMap((limiter, i) => Array.from({ length: 25 }, () => limiter.acquire().then(() => starts[i]!.push(performance.now())))));
    expect(busiestWindow(starts.flat(), limit.windowMs)).toBeLessThanOrEqual(20);
    // Each alone would have let its 25 through in about a window: together they took two and more.
    expect(performance.now() - started).toBeGreaterThan(2 * limit.windowMs);
    expect(starts.map((list) => list.length)).toEqual([25, 25]);
  });

  it("keeps addresses apart, and a pause on one instance holds the other for it", async () => {
    const first = new EgressLimiter(database.prisma, { egress: "nat-2", maxRequests: 20, windowMs: 1_000 });
    const second = new EgressLimiter(other.prisma, { egress: "nat-2", maxRequests: 20, windowMs: 1_000 });
    const elsewhere = new EgressLimiter(other.prisma, { egress: "nat-3", maxRequests: 20, windowMs: 1_000 });
    await first.pauseFor(800);
    const started = performance.now();
    const elsewhereDone = elsewhere.acquire().then(() => performance.now() - started);
    await second.acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(750);
    expect(await elsewhereDone).toBeLessThan(400);
  });
});
