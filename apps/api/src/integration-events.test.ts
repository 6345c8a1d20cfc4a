import { databaseFromUrl } from "@mspgraph/db";
import { testDatabaseKind } from "@mspgraph/db/testing";
import { definePlugin } from "@mspgraph/plugins";
import { DEFAULT_LEASE_MS, type PluginEvent, claimEvents, enqueueEvent } from "@mspgraph/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { processDueEvents, createLogger } from "@mspgraph/schema/server";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const handled: Array<{ event: PluginEvent; token: unknown }> = [];
// A handler that holds (payload { hold: true }) until the test lets it go (Node 20 has no Promise.withResolvers).
const signal = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};
let held = signal();
let release = signal();
const hooky = definePlugin({
  id: "hooky",
  name: "Hooky",
  version: "0.1.0",
  credentialsSchema: z.object({ token: z.string() }),
  configSchema: z.object({}),
  webhook: { eventId: (body) => (body as { id?: string }).id },
  async handleEvent(event, context) {
    if ((event.payload as { fail?: boolean }).fail) throw new Error(`upstream said no (try ${event.attempt})`);
    if ((event.payload as { hold?: boolean }).hold) {
      held.resolve();
      await release.promise;
    }
    handled.push({ event, token: context.credentials()?.token });
  },
});

describe("durable integration events", () => {
  let t: TestApi;
  let owner: string;
  let webhookPath: string;
  const worker = () => processDueEvents({ database: t.database, plugins: [hooky], keyRing: t.keyRing, logger: createLogger({ level: "silent" }) });
  const post = (path: string, body: string, method = "POST") => t.api.fetch(new Request(`http://test${path}`, { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : body }));
  const events = () => t.database.prisma.integrationEvent.findMany({ orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    t = await createTestApi({ plugins: [hooky] });
    owner = await t.tokenFor("owner@northwind-msp.test");
    await t.gql('mutation { connectIntegration(input: { pluginId: "hooky", credentials: { token: "hooky-secret-token" } }) { userErrors { message } } }', {}, { token: owner });
    const list = await t.gql("{ integrations(first: 5) { edges { node { webhookPath } } } }", {}, { token: owner });
    webhookPath = list.data!.integrations.edges[0].node.webhookPath;
  });
  afterAll(() => t.close());

  it("stores a delivery before acknowledging it, and a repeated one has one effect", async () => {
    expect(webhookPath).toMatch(/^\/webhooks\/hooky\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{20,}$/);
    const first = await post(webhookPath, JSON.stringify({ id: "evt-1", ticket: 42 }));
    expect(first.status).toBe(202);
    expect((await events()).map((e) => [e.providerEventId, e.status])).toEqual([["evt-1", "PENDING"]]);
    const again = await post(webhookPath, JSON.stringify({ id: "evt-1", ticket: 42 }));
    expect([again.status, await again.json()]).toEqual([200, { accepted: true, duplicate: true }]);
    expect(await worker()).toBe(1);
    expect(await worker()).toBe(0);
    expect(handled.map((h) => [h.event.providerEventId, h.token])).toEqual([["evt-1", "hooky-secret-token"]]);
    expect((await events())[0]!.status).toBe("DONE");
    expect(t.logs.join("\n")).not.toContain("hooky-secret-token");
  });

  it("answers 404 to a wrong secret or connection, 405 to GET, 400 to bad JSON, 413 to a huge body", async () => {
    const [, , plugin, connection, secret] = webhookPath.split("/");
    expect((await post(`/webhooks/${plugin}/${connection}/${secret!.replace(/^./, (c) => (c === "a" ? "b" : "a"))}`, "{}")).status).toBe(404);
    expect((await post(`/webhooks/${plugin}/00000000-0000-4000-8000-000000000000/${secret}`, "{}")).status).toBe(404);
    expect((await post(webhookPath, "", "GET")).status).toBe(405);
    expect((await post(webhookPath, "{not json")).status).toBe(400);
    expect((await post(webhookPath, JSON.stringify({ pad: "x".repeat(600_000) }))).status).toBe(413);
  });

  it("retries a failing event with growing delays, parks it as DEAD, and retries it on request", async () => {
    const connection = await t.database.prisma.integrationConnection.findFirstOrThrow();
    await enqueueEvent(t.database.prisma, { partnerId: connection.partnerId, connectionId: connection.id, pluginId: "hooky", kind: "webhook", providerEventId: "evt-fail", payload: { fail: true }, maxAttempts: 4 });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      await worker();
      const row = await t.database.prisma.integrationEvent.findFirstOrThrow({ where: { providerEventId: "evt-fail" } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe(`upstream said no (try ${attempt})`);
      if (attempt < 4) {
        expect(row.status).toBe("PENDING");
        delays.push(row.runAt.getTime() - Date.now());
        await t.database.prisma.integrationEvent.update({ where: { id: row.id }, data: { runAt: new Date() } });
      } else expect(row.status).toBe("DEAD");
    }
    // Full jitter: each wait is random, below a ceiling that doubles (30 s, 60 s, 120 s).
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThan(10_000);
      expect(delay).toBeLessThanOrEqual(30_000 * 2 ** i);
    });

    const dead = await t.gql("{ integrationEvents(first: 10, filter: { status: DEAD }) { edges { node { id providerEventId attempts lastError } } } }", {}, { token: owner });
    const parked = dead.data!.integrationEvents.edges[0].node;
    expect(parked).toMatchObject({ providerEventId: "evt-fail", attempts: 4, lastError: "upstream said no (try 4)" });
    await t.database.prisma.$executeRaw`UPDATE "IntegrationEvent" SET payload = '{"fixed": true}' WHERE "providerEventId" = 'evt-fail'`;
    const retried = await t.gql("mutation ($i: RetryIntegrationEventInput!) { retryIntegrationEvent(input: $i) { event { status attempts } userErrors { code } } }", { i: { id: parked.id } }, { token: owner });
    expect(retried.data!.retryIntegrationEvent).toEqual({ event: { status: "PENDING", attempts: 0 }, userErrors: [] });
    await worker();
    expect((await t.database.prisma.integrationEvent.findFirstOrThrow({ where: { providerEventId: "evt-fail" } })).status).toBe("DONE");
  });

  it("queues a sync on request, for partner managers only", async () => {
    const sync = await t.gql('mutation { syncIntegration(input: { pluginId: "hooky" }) { event { kind status } userErrors { code } } }', {}, { token: owner });
    expect(sync.data!.syncIntegration).toEqual({ event: { kind: "sync", status: "PENDING" }, userErrors: [] });
    await worker();
    expect(handled.at(-1)!.event.kind).toBe("sync");
    expect(codeOf(await t.gql('mutation { syncIntegration(input: { pluginId: "hooky" }) { event { kind } } }', {}, { token: await t.tokenFor("tech@northwind-msp.test") }))).toBe("FORBIDDEN");
  });

  it("never hands one event to two workers (FOR UPDATE SKIP LOCKED)", async () => {
    const connection = await t.database.prisma.integrationConnection.findFirstOrThrow();
    for (let i = 0; i < 12; i++) {
      await enqueueEvent(t.database.prisma, { partnerId: connection.partnerId, connectionId: connection.id, pluginId: "hooky", kind: "webhook", providerEventId: `race-${i}`, payload: {} });
    }
    // On PostgreSQL two separate connections claim at the same moment; PGlite has one connection.
    const other = testDatabaseKind() === "postgres" ? databaseFromUrl(t.database.url!, { max: 1 }) : t.database;
    try {
      const [a, b] = await Promise.all([claimEvents(t.database.prisma, 8), claimEvents(other.prisma, 8)]);
      const ids = [...a, ...b].map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(12);
    } finally {
      if (other !== t.database) await other.close();
    }
  });

  it("gives a crashed worker's events back after a short lease (30 s unless configured)", async () => {
    const connection = await t.database.prisma.integrationConnection.findFirstOrThrow();
    const enqueue = (providerEventId: string) => enqueueEvent(t.database.prisma, { partnerId: connection.partnerId, connectionId: connection.id, pluginId: "hooky", kind: "webhook", providerEventId, payload: {} });
    // A worker claims with the default lease and dies: the claim ends within 30 s, not minutes.
    await enqueue("crash-default");
    const [claimed] = await claimEvents(t.database.prisma, 20);
    expect(claimed!.providerEventId).toBe("crash-default");
    expect(new Date(claimed!.lockedUntil!).getTime() - Date.now()).toBeLessThanOrEqual(DEFAULT_LEASE_MS + 2_000);
    expect(DEFAULT_LEASE_MS).toBeLessThanOrEqual(30_000);
    expect(await claimEvents(t.database.prisma, 20)).toEqual([]);

    await enqueue("crash-short");
    expect((await claimEvents(t.database.prisma, 20, 100)).map((e) => e.providerEventId)).toEqual(["crash-short"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await worker()).toBe(1);
    expect(handled.at(-1)!.event).toMatchObject({ providerEventId: "crash-short", attempt: 2 });
  });

  it("renews the lease while a long handler runs, so no other worker takes its event", async () => {
    const connection = await t.database.prisma.integrationConnection.findFirstOrThrow();
    await enqueueEvent(t.database.prisma, { partnerId: connection.partnerId, connectionId: connection.id, pluginId: "hooky", kind: "webhook", providerEventId: "slow", payload: { hold: true } });
    held = signal();
    release = signal();
    const running = processDueEvents({ database: t.database, plugins: [hooky], keyRing: t.keyRing, logger: createLogger({ level: "silent" }), leaseMs: 300 });
    await held.promise;
    // Four leases long: without renewal another worker would have taken it by now.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await claimEvents(t.database.prisma, 20, 300)).toEqual([]);
    release.resolve();
    expect(await running).toBe(1);
    const row = await t.database.prisma.integrationEvent.findFirstOrThrow({ where: { providerEventId: "slow" } });
    expect([row.status, row.attempts]).toEqual(["DONE", 1]);
  });
});
