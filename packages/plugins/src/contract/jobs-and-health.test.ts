import { FAILING_AFTER, type PluginContext, scheduleDueJobs } from "@mspgraph/schema";
import { createLogger, processDueEvents } from "@mspgraph/schema/server";
import { type TestApi, createTestApi } from "@mspgraph/schema/testing";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definePlugin } from "./define-plugin.js";

// A polling plugin: its job saves a cursor in its encrypted state and reports the service's health.
const service = { healthy: true, runs: 0 };
const poller = definePlugin({
  id: "poller",
  name: "Poller",
  version: "1.0.0",
  credentialsSchema: z.object({ password: z.string() }),
  configSchema: z.object({ everyMinutes: z.number().int().min(1).default(15) }),
  jobs: [
    {
      name: "poll",
      everyMinutes: (config) => Number(config.everyMinutes ?? 15),
      async run(context: PluginContext) {
        service.runs++;
        if (!service.healthy) return context.reportFailure("the service answered 503");
        const state = (await context.loadState<{ cursor: number; password: string }>()) ?? { cursor: 0, password: "" };
        await context.saveState({ cursor: state.cursor + 1, password: String(context.credentials()?.password) });
        await context.reportSuccess();
        await context.markSynced();
      },
    },
  ],
});

describe("scheduled jobs, connection health and plugin state", () => {
  let t: TestApi;
  const logger = createLogger({ level: "silent" });
  const work = () => processDueEvents({ database: t.database, plugins: [poller], keyRing: t.keyRing, logger });
  const connection = () => t.database.prisma.integrationConnection.findFirstOrThrow({ where: { pluginId: "poller" } });

  beforeAll(async () => {
    t = await createTestApi({ plugins: [poller] });
    const owner = await t.tokenFor("owner@northwind-msp.test");
    await t.gql('mutation { connectIntegration(input: { pluginId: "poller", credentials: { password: "hunter2-poller" }, config: { everyMinutes: 5 } }) { userErrors { message } } }', {}, { token: owner });
  });
  afterAll(() => t.close());

  it("schedules each run once per time slot, however many instances ask", async () => {
    const now = new Date("2026-11-24T10:02:00Z");
    expect(await scheduleDueJobs(t.database.prisma, [poller], now)).toBe(1);
    expect(await scheduleDueJobs(t.database.prisma, [poller], new Date("2026-11-24T10:04:59Z"))).toBe(0);
    expect(await scheduleDueJobs(t.database.prisma, [poller], new Date("2026-11-24T10:05:00Z"))).toBe(1);
    const events = await t.database.prisma.integrationEvent.findMany({ orderBy: { providerEventId: "asc" } });
    expect(events.map((event) => event.kind)).toEqual(["job:poll", "job:poll"]);
  });

  it("runs due jobs in the worker, with state kept encrypted", async () => {
    const before = service.runs;
    await work();
    expect(service.runs - before).toBeGreaterThanOrEqual(2);
    const row = await connection();
    expect(row.stateCiphertext).toEqual(expect.any(String));
    expect(row.stateCiphertext).not.toContain("hunter2");
    expect(row.lastSyncAt).toEqual(expect.any(Date));
    expect(row.status).toBe("OK");
  });

  it("moves the connection OK -> DEGRADED -> FAILING while the service fails, and back to OK", async () => {
    service.healthy = false;
    const seen: string[] = [];
    for (let failure = 1; failure <= FAILING_AFTER; failure++) {
      // The worker schedules the current slot's run itself once the previous one is gone.
      await t.database.prisma.integrationEvent.deleteMany();
      await work();
      const row = await connection();
      seen.push(row.status);
      expect(row.lastError).toBe("the service answered 503");
    }
    expect(seen).toEqual(["DEGRADED", "DEGRADED", "FAILING"]);
    service.healthy = true;
    await t.database.prisma.integrationEvent.deleteMany();
    await work();
    expect(await connection()).toMatchObject({ status: "OK", lastError: null, consecutiveFailures: 0 });
    expect(t.logs.join("\n")).not.toContain("hunter2");
  });

  it("pauses a suspended partner's jobs and events, kept, until it is reactivated", async () => {
    const partnerId = (await connection()).partnerId;
    await t.database.prisma.integrationEvent.deleteMany();
    await t.database.prisma.partner.update({ where: { id: partnerId }, data: { suspendedAt: new Date() } });
    const now = new Date("2026-11-24T11:02:00Z");
    expect(await scheduleDueJobs(t.database.prisma, [poller], now)).toBe(0);
    await t.database.prisma.integrationEvent.create({
      data: { partnerId, connectionId: (await connection()).id, pluginId: "poller", kind: "job:poll", providerEventId: "held", payload: {} },
    });
    const runs = service.runs;
    expect(await work()).toBe(0);
    expect(service.runs).toBe(runs);
    expect(await t.database.prisma.integrationEvent.findFirstOrThrow({ where: { providerEventId: "held" } })).toMatchObject({ status: "PENDING", attempts: 0 });

    await t.database.prisma.partner.update({ where: { id: partnerId }, data: { suspendedAt: null } });
    expect(await scheduleDueJobs(t.database.prisma, [poller], now)).toBe(1);
    await work();
    expect(service.runs).toBeGreaterThan(runs);
    expect(await t.database.prisma.integrationEvent.findFirstOrThrow({ where: { providerEventId: "held" } })).toMatchObject({ status: "DONE" });
  });
});
