import { encodeGlobalID } from "@pothos/plugin-relay";
import type { BackupState, Prisma } from "@mspgraph/db";
import { integrationActor } from "../domain-events/actor.js";
import { alertData, backupPlanData } from "../domain-events/payloads.js";
import { recordDomainEvent } from "../domain-events/record.js";
import type { TAlertWrites } from "./plan-alerts.js";

const isFailing = (state: BackupState | undefined) => state === "FAILED" || state === "MISSED";

/** A plan as this batch stores it, with its state and alert before (undefined for a plan new to us). */
export type TPlanTransition = {
  before: BackupState | undefined;
  previousAlertId: string | null | undefined;
  plan: { id: string; planName: string; computerName: string; state: BackupState; pluginId: string; clientId: string | null; agentId: string | null; lastStart: Date | null; alertId: string | null };
};

/**
 * Records a batch's events in its transaction: alert.raised and alert.resolved for the plans'
 * alerts; once per failing spell (as the alert is), backup.failed when a plan starts failing or
 * being missed (or a warning turns into that) and backup.recovered when it next succeeds, however
 * many running retries came between. The provider's raw error text stays out (it is staff-only).
 */
export async function recordBackupEvents(tx: Prisma.TransactionClient, input: { partnerId: string; pluginId: string; writes: TAlertWrites; plans: TPlanTransition[] }): Promise<void> {
  const actor = integrationActor(input.pluginId);
  const { partnerId } = input;
  for (const alert of input.writes.create) {
    const row = { id: alert.id!, severity: alert.severity, status: alert.status ?? "ACTIVE", source: alert.source, message: alert.message, clientMessage: alert.clientMessage ?? null, clientId: alert.clientId, agentId: alert.agentId ?? null };
    await recordDomainEvent(tx, { type: "alert.raised", partnerId, clientId: alert.clientId, actor, payload: { alert: alertData(row) } });
  }
  if (input.writes.resolve.length > 0) {
    for (const alert of await tx.alert.findMany({ where: { id: { in: input.writes.resolve } }, orderBy: { id: "asc" } })) {
      await recordDomainEvent(tx, { type: "alert.resolved", partnerId, clientId: alert.clientId, actor, payload: { alert: alertData(alert) } });
    }
  }
  const raised = new Set(input.writes.create.map((alert) => alert.id));
  const resolved = new Set(input.writes.resolve);
  for (const { before, previousAlertId, plan } of input.plans) {
    const failed = isFailing(plan.state) && ((plan.alertId !== null && raised.has(plan.alertId)) || before === "WARNING");
    const recovered = plan.state === "OK" && previousAlertId != null && resolved.has(previousAlertId);
    const type = failed ? "backup.failed" : recovered ? "backup.recovered" : null;
    if (!type) continue;
    const payload = { plan: { ...backupPlanData(plan), lastStart: plan.lastStart?.toISOString() ?? null }, alertId: plan.alertId ? encodeGlobalID("Alert", plan.alertId) : null };
    await recordDomainEvent(tx, { type, partnerId, clientId: plan.clientId, actor, payload });
  }
}
