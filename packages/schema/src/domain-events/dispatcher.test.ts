import { type Database, databaseFromUrl } from "@mspgraph/db";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../server/logger.js";
import type { EventOutlet } from "./dispatch.js";
import { startEventDispatcher } from "./dispatcher.js";
import { recordDomainEvent } from "./record.js";

describe("startEventDispatcher", () => {
  let database: TestDatabase;
  let second: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    // On PostgreSQL, as a second API instance would: its own pool on the same database.
    second = database.url ? databaseFromUrl(database.url) : database;
  });
  afterAll(async () => {
    if (second !== database) await second.close();
    await database.close();
  });

  it("hands each of 200 events to the outlets exactly once with two dispatchers side by side", async () => {
    const partner = await database.prisma.partner.create({ data: { name: "Dispatch MSP", slug: "dispatch-msp" } });
    const takes = new Map<string, number>();
    const outlet: EventOutlet = { name: "count", take: async (_tx, event) => void takes.set(event.id, (takes.get(event.id) ?? 0) + 1) };
    const logger = createLogger({ level: "error" });
    const dispatchers = [database, second].map((db) => startEventDispatcher({ database: db, outlets: [outlet], logger, intervalMs: 50, batch: 20 }));
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      ids.push(
        ...(await database.prisma.$transaction(async (tx) => {
          const batch: string[] = [];
          for (let j = i; j < i + 20; j++) batch.push(await recordDomainEvent(tx, { type: "client.created", partnerId: partner.id, actor: { type: "SYSTEM", id: null, name: null }, payload: { n: j } }));
          return batch;
        })),
      );
    }
    const deadline = Date.now() + 30_000;
    while ((await database.prisma.domainEvent.count({ where: { dispatchedAt: null } })) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    expect(await database.prisma.domainEvent.count({ where: { dispatchedAt: null } })).toBe(0);
    expect(takes.size).toBe(200);
    expect([...takes.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(ids)).toEqual(new Set(takes.keys()));
  });
});
