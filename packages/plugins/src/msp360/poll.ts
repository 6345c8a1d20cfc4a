import { type BackupSyncSummary, type PluginContext, syncBackupPlans } from "@mspgraph/schema";
import { msp360Backups } from "./backup-provider.js";
import type { TMsp360Tuning } from "./connection.js";

/**
 * One poll of MSP360's monitoring: every plan stored by the core, alerts raised and resolved,
 * `lastSyncAt` set. A failed poll throws (the event is retried) and leaves `lastSyncAt` alone.
 */
export async function pollBackups(context: PluginContext, tuning: TMsp360Tuning): Promise<BackupSyncSummary> {
  const startedAt = new Date();
  const summary = await syncBackupPlans(context, msp360Backups(tuning), { now: startedAt });
  await context.markSynced(startedAt);
  return summary;
}
