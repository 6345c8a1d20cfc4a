import { type BackupProvider, type PluginContext, type ProviderBackupPlan, createPluginContext, syncBackupPlans } from "@mspgraph/schema";
import { createLogger } from "@mspgraph/schema/server";
import { afterEach, describe, expect, it } from "vitest";
import { BATCH_SIZE, msp360Backups } from "./backup-provider.js";
import { generateMonitoringRows } from "./testing/generate-rows.js";
import { type Msp360PluginHarness, startMsp360PluginHarness } from "./testing/plugin-harness.js";
import { exposeGc } from "./testing/test-helpers.js";

const MB = 1024 * 1024;
let h: Msp360PluginHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const gc = exposeGc();
const heap = () => process.memoryUsage().heapUsed;

/**
 * Heap in use after a collection. With `flush`, Prisma's record of its last 100 debug calls
 * (kept for crash reports, query plans included: a fixed ceiling whatever the row count) is
 * first pushed out by trivial queries, so the reading is what the poll itself keeps alive.
 */
async function liveHeap(context: PluginContext, flush: boolean): Promise<number> {
  if (flush) for (let i = 0; i < 60; i++) await context.prisma.partner.count();
  gc();
  return heap();
}

/** One poll through the core, sampling the heap as each batch arrives. */
async function measuredPoll(context: PluginContext, provider: BackupProvider, flush: boolean) {
  const baseline = await liveHeap(context, flush);
  let peak = 0;
  const summary = await syncBackupPlans(context, {
    clientIdForCompany: provider.clientIdForCompany,
    async *listPlans(ctx) {
      for await (const batch of provider.listPlans(ctx)) {
        peak = Math.max(peak, (await liveHeap(context, flush)) - baseline);
        yield batch;
      }
    },
  });
  return { summary, peak };
}

describe("a poll of a large MSP360 account", () => {
  it("stores 10,000 monitoring rows in one poll without holding them all in memory", async () => {
    const rows = generateMonitoringRows(10_000);
    h = await startMsp360PluginHarness();
    const connection = await h.t.database.prisma.integrationConnection.findUniqueOrThrow({ where: { id: h.connectionId } });
    const context = createPluginContext({ root: h.t.database.prisma, keyRing: h.t.keyRing, logger: createLogger({ level: "silent" }), connection, outbound: h.t.outbound, plugins: [h.plugin] });
    const provider = msp360Backups({ backoffBaseMs: 1, sleep: async () => undefined });

    // A first poll of other plans, as read by a plain sampler (Prisma's debug record included).
    h.server.state.setMonitoring(generateMonitoringRows(3_000, { seed: 2 }));
    const plain = await measuredPoll(context, provider, false);
    await h.link("Client 000 Ltd", h.fabrikam);
    h.server.state.setMonitoring(rows);
    const warm = await measuredPoll(context, provider, true);

    gc();
    const beforeHolding = heap();
    const held: ProviderBackupPlan[] = [];
    for await (const batch of provider.listPlans(context)) held.push(...batch);
    gc();
    const holding = heap() - beforeHolding;
    const ratio = warm.peak / holding;
    console.log(
      `[msp360] one poll of 10,000 monitoring rows (${Math.ceil(10_000 / BATCH_SIZE)} batches of ${BATCH_SIZE}): peak heapUsed growth ${(warm.peak / MB).toFixed(2)} MB ` +
        `(after GC, per batch) vs ${(holding / MB).toFixed(2)} MB to hold every plan at once: ratio ${ratio.toFixed(3)}; ` +
        `without pushing out Prisma's fixed record of its last 100 debug calls, a 3,000-row poll read ${(plain.peak / MB).toFixed(2)} MB`,
    );
    expect(held).toHaveLength(10_000);
    expect(warm.summary).toMatchObject({ plans: 10_000, created: 10_000, removed: 3_000 });
    expect(warm.summary.alertsRaised).toBeGreaterThan(0);
    expect(ratio).toBeLessThan(0.25);
    const stored = await h.t.gql("{ backupPlans(first: 1) { totalCount } failed: backupPlans(first: 1, filter: { state: FAILED }) { totalCount } }", {}, { token: h.owner });
    expect(stored.data!.backupPlans.totalCount).toBe(10_000);
    expect(stored.data!.failed.totalCount).toBe(rows.filter((row) => [2, 5, 6].includes(row.Status)).length);
    // Three polls of thousands of rows with a sampler between batches: allow a busy machine time.
  }, 180_000);
});
