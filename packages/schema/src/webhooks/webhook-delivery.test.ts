import { randomBytes } from "node:crypto";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { keyRing } from "../crypto/credential-cipher.js";
import { dispatchDueEvents } from "../domain-events/dispatch.js";
import { recordDomainEvent } from "../domain-events/record.js";
import { createLogger } from "../server/logger.js";
import { TEST_OUTBOUND } from "../testing/test-api.js";
import { seededRandom } from "../testing/seeded-random.js";
import { type TestWebhookReceiver, startWebhookReceiver } from "../testing/webhook-receiver.js";
import { claimDeliveries } from "./delivery-queue.js";
import { createWebhookEndpoint } from "./endpoints.js";
import { webhookOutlet } from "./outlet.js";
import { WEBHOOK_RETRY_JITTER, WEBHOOK_RETRY_SCHEDULE_MS } from "./schedule.js";
import { type WebhookWorkerOptions, processDueWebhooks, startWebhookWorker } from "./webhook-worker.js";

const ring = keyRing("k1", { k1: randomBytes(32) });
const EVENTS = 1_000;

describe("webhook delivery", () => {
  let db: TestDatabase;
  let partnerId: string;
  let receiver: TestWebhookReceiver | undefined;
  const logs: string[] = [];
  const options = (extra: Partial<WebhookWorkerOptions> = {}): WebhookWorkerOptions => ({
    database: db,
    keyRing: ring,
    outbound: TEST_OUTBOUND,
    publicUrl: "https://app.example.test",
    logger: createLogger({ level: "debug", destination: { write: (line: string) => void logs.push(line) } }),
    ...extra,
  });
  const record = (count: number, type: "ticket.created" | "alert.raised" = "ticket.created") =>
    db.prisma.$transaction(async (tx) => {
      for (let n = 0; n < count; n++) await recordDomainEvent(tx, { type, partnerId, actor: { type: "SYSTEM", id: null, name: null }, payload: { n } });
    });
  // Due deliveries first; otherwise the clock moves to the earliest wait's end (or lease's).
  const nextDue = async () => {
    const rows = await db.prisma.$queryRaw<Array<{ at: Date | null }>>`
      SELECT MIN(GREATEST("nextAttemptAt", COALESCE("lockedUntil", "nextAttemptAt"))) AS at FROM "WebhookDelivery" WHERE status IN ('PENDING', 'FAILED')`;
    return rows[0]?.at ?? null;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    partnerId = (await db.prisma.partner.create({ data: { name: "Northwind MSP", slug: "northwind" }, select: { id: true } })).id;
  });
  afterAll(() => db.close());
  afterEach(async () => {
    vi.useRealTimers();
    await receiver?.close();
    await db.prisma.webhookEndpoint.deleteMany();
    await db.prisma.domainEvent.deleteMany();
  });

  it("delivers 1,000 events through a receiver failing 30% of attempts and a restart: each webhook-id processed once, retries on the schedule", async () => {
    // The clock is Date itself, so the receiver's reference library checks timestamps against it.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T08:00:00Z") });
    const failing = seededRandom(16);
    receiver = await startWebhookReceiver({ fail: () => failing() < 0.3 });
    const endpoint = await createWebhookEndpoint(db.prisma, ring, { partnerId, url: receiver.url, events: ["ticket.created"], description: "automation" });
    receiver.secret = endpoint.secret;
    await record(EVENTS);
    await record(5, "alert.raised");
    expect(await dispatchDueEvents({ prisma: db.prisma, outlets: [webhookOutlet()], batch: 2_000 })).toBe(EVENTS + 5);
    expect(await db.prisma.webhookDelivery.count()).toBe(EVENTS);

    // The first API instance sends until about half the events have had a try, then stops as
    // on SIGTERM (its round in flight finishes); a third dies holding five claims.
    const first = startWebhookWorker({ ...options({ random: seededRandom(1) }), batch: 50, intervalMs: 1 });
    await vi.waitFor(() => expect(receiver!.requests.length).toBeGreaterThanOrEqual(EVENTS / 2), { timeout: 30_000, interval: 5 });
    await first.stop();
    const sentBeforeRestart = receiver.requests.length;
    expect(sentBeforeRestart).toBeLessThan(EVENTS);
    const crashed = await claimDeliveries(db.prisma, new Date(), 5);
    expect(crashed).toHaveLength(5);

    // The restarted instance goes on; the clock jumps to each retry as it falls due.
    const second = options({ random: seededRandom(2), batch: 50 });
    for (let rounds = 0; rounds < 5_000; rounds++) {
      if ((await processDueWebhooks(second)) > 0) continue;
      const due = await nextDue();
      if (!due) break;
      vi.setSystemTime(due.getTime() + 1);
    }

    const deliveries = await db.prisma.webhookDelivery.findMany({ select: { id: true, status: true, attempts: true, responseStatus: true } });
    expect(deliveries.every((delivery) => delivery.status === "SUCCEEDED" && delivery.responseStatus === 200)).toBe(true);
    expect(receiver.badSignatures).toBe(0);
    expect(receiver.duplicates).toBe(0);
    expect(receiver.processed.size).toBe(EVENTS);
    const eventIds = new Set((await db.prisma.domainEvent.findMany({ where: { type: "ticket.created" }, select: { id: true } })).map((event) => event.id));
    expect(new Set([...receiver.processed.values()].map((payload) => (payload as { id: string }).id))).toEqual(eventIds);
    expect([...receiver.processed.keys()].sort()).toEqual(deliveries.map((delivery) => `msg_${delivery.id}`).sort());

    const failed = receiver.requests.filter((request) => request.answered === 503).length;
    expect(failed / receiver.requests.length).toBeGreaterThan(0.25);
    expect(failed / receiver.requests.length).toBeLessThan(0.35);
    expect(receiver.requests.length).toBe(EVENTS + failed);

    // Each retry came after the documented wait for its attempt, within the jitter.
    const crashedIds = new Set(crashed.map((delivery) => `msg_${delivery.id}`));
    const times = new Map<string, number[]>();
    for (const request of receiver.requests) times.set(request.id, [...(times.get(request.id) ?? []), request.at]);
    let retries = 0;
    let deepest = 0;
    for (const [id, at] of times) {
      if (crashedIds.has(id)) continue;
      deepest = Math.max(deepest, at.length);
      for (let n = 1; n < at.length; n++) {
        const wait = WEBHOOK_RETRY_SCHEDULE_MS[n - 1]!;
        const gap = at[n]! - at[n - 1]!;
        expect(gap).toBeGreaterThanOrEqual(Math.floor(wait * (1 - WEBHOOK_RETRY_JITTER)));
        expect(gap).toBeLessThanOrEqual(Math.ceil(wait * (1 + WEBHOOK_RETRY_JITTER)) + 2);
        retries++;
      }
    }
    expect(retries).toBe(failed - [...crashedIds].reduce((sum, id) => sum + (times.get(id)!.length - 1), 0));
    expect(deepest).toBeGreaterThanOrEqual(4);
    expect(logs.join("\n")).not.toContain(endpoint.secret);
  }, 120_000);
});
