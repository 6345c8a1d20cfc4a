import { integrationActor } from "../domain-events/actor.js";
import { alertData } from "../domain-events/payloads.js";
import { recordDomainEvent } from "../domain-events/record.js";
import type { PluginContext } from "../integrations/plugin-context.js";
import type { BackupSyncSummary } from "./sync-backup-plans.js";

const PAGE = 500;

type TRemovalContext = Pick<PluginContext, "prisma" | "events"> & { connection: { id: string; partnerId: string; pluginId: string } };

/**
 * Removes the connection's plans a complete pass did not report (deleted at the provider, or
 * a machine taken out of backup), resolving their open alerts, a page at a time.
 * @param startedAt the pass's start; null removes every plan of the connection
 */
export async function removeUnseenPlans(context: TRemovalContext, startedAt: Date | null, summary?: BackupSyncSummary): Promise<void> {
  const { prisma, connection } = context;
  const resolvedAt = startedAt ?? new Date();
  for (;;) {
    const stale = await prisma.backupPlan.findMany({
      where: { connectionId: connection.id, ...(startedAt ? { lastSeenAt: { lt: startedAt } } : {}) },
      select: { id: true, alert: { select: { id: true, status: true, clientId: true } } },
      take: PAGE,
    });
    if (stale.length === 0) return;
    const open = stale.flatMap((plan) => (plan.alert && plan.alert.status !== "RESOLVED" ? [plan.alert] : []));
    await prisma.$transaction(async (tx) => {
      const ids = open.map((alert) => alert.id);
      await tx.alert.updateMany({ where: { id: { in: ids } }, data: { status: "RESOLVED", resolvedAt } });
      for (const alert of ids.length === 0 ? [] : await tx.alert.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })) {
        await recordDomainEvent(tx, { type: "alert.resolved", partnerId: connection.partnerId, clientId: alert.clientId, actor: integrationActor(connection.pluginId), payload: { alert: alertData(alert) } });
      }
      await tx.backupPlan.deleteMany({ where: { id: { in: stale.map((plan) => plan.id) } } });
    });
    if (summary) {
      summary.removed += stale.length;
      summary.alertsResolved += open.length;
    }
    for (const alert of open) context.events.publish("alertChanged", { change: "UPDATED", alertId: alert.id, partnerId: connection.partnerId, clientId: alert.clientId });
    if (stale.length < PAGE) return;
  }
}

/** Before a connection is deleted: its plans go with it, so their open alerts are resolved. */
export const removeConnectionPlans = (context: TRemovalContext) => removeUnseenPlans(context, null);
