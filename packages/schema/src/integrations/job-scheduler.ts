import type { PrismaClient } from "@mspgraph/db";
import { enqueueEvent } from "./event-queue.js";
import type { IntegrationPlugin } from "./plugin-contract.js";

/** The event kind a scheduled job's runs are stored under. */
export const jobKind = (jobName: string) => `job:${jobName}`;

/**
 * Stores one event for every job whose current time slot has none yet, for every live
 * connection of a partner that is not suspended (its syncs pause meanwhile). The event id
 * names the slot, so instances racing here store it once.
 * @returns how many runs were newly scheduled
 */
export async function scheduleDueJobs(prisma: PrismaClient, plugins: readonly IntegrationPlugin[], now = new Date()): Promise<number> {
  const withJobs = plugins.filter((plugin) => plugin.jobs?.length);
  if (withJobs.length === 0) return 0;
  const connections = await prisma.integrationConnection.findMany({
    where: { pluginId: { in: withJobs.map((plugin) => plugin.id) }, status: { not: "DISCONNECTED" }, credentialsCiphertext: { not: null }, partner: { suspendedAt: null } },
    select: { id: true, partnerId: true, pluginId: true, config: true },
  });
  let scheduled = 0;
  for (const connection of connections) {
    const plugin = withJobs.find((p) => p.id === connection.pluginId)!;
    for (const job of plugin.jobs ?? []) {
      const minutes = Math.max(1, job.everyMinutes((connection.config ?? {}) as Record<string, unknown>));
      const slot = Math.floor(now.getTime() / (minutes * 60_000));
      const stored = await enqueueEvent(prisma, {
        partnerId: connection.partnerId,
        connectionId: connection.id,
        pluginId: plugin.id,
        kind: jobKind(job.name),
        providerEventId: `${jobKind(job.name)}:${minutes}m:${slot}`,
        payload: { slotStart: new Date(slot * minutes * 60_000).toISOString() },
        // A missed run is replaced by the next slot's: a few tries are enough.
        maxAttempts: 3,
      });
      if (stored) scheduled++;
    }
  }
  return scheduled;
}
