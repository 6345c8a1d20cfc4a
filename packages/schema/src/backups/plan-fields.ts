import type { AlertSeverity, BackupPlan } from "@mspgraph/db";
import type { BackupState, ProviderBackupPlan } from "../capabilities/backups.js";

/** States that keep an alert open; OK resolves it, RUNNING and UNKNOWN leave it as it is. */
export const isAlerting = (state: BackupState) => state === "FAILED" || state === "MISSED";

export const severityFor = (state: BackupState): AlertSeverity => (state === "FAILED" ? "CRITICAL" : "WARNING");

/** What client users read: the machine, the plan and what happened, never the provider's error text. */
export function clientAlertMessage(plan: Pick<ProviderBackupPlan, "planName" | "computerName" | "state">): string {
  const what = plan.state === "FAILED" ? "failed" : "missed its scheduled run";
  return `Backup plan "${plan.planName}" on ${plan.computerName} ${what}`;
}

/** What staff read: the provider's own line, or the client's with the provider's error. */
export function staffAlertMessage(plan: Pick<ProviderBackupPlan, "planName" | "computerName" | "state" | "errorMessage" | "alertMessage">): string {
  if (plan.alertMessage?.trim()) return plan.alertMessage.trim().slice(0, 2000);
  const error = plan.errorMessage?.trim();
  return `${clientAlertMessage(plan)}${error ? `: ${error.slice(0, 1000)}` : ""}`;
}

const whole = (value: number | null, max = 2_147_483_647) => (value === null || !Number.isFinite(value) ? null : Math.min(max, Math.max(0, Math.round(value))));

/** The provider's facts about a plan as stored columns (links, alert and timestamps apart). */
export function planColumns(plan: ProviderBackupPlan) {
  const bytes = whole(plan.bytesCopied, Number.MAX_SAFE_INTEGER);
  return {
    planName: plan.planName.slice(0, 300),
    computerName: plan.computerName.slice(0, 300),
    companyName: plan.companyName.slice(0, 300),
    state: plan.state,
    providerStatus: plan.providerStatus.slice(0, 100),
    lastStart: plan.lastStart,
    nextStart: plan.nextStart,
    errorMessage: plan.errorMessage?.slice(0, 4000) ?? null,
    filesCopied: whole(plan.filesCopied),
    filesFailed: whole(plan.filesFailed),
    bytesCopied: bytes === null ? null : BigInt(bytes),
    durationSeconds: whole(plan.durationSeconds),
  };
}

export type TPlanColumns = ReturnType<typeof planColumns> & { clientId: string | null; agentId: string | null; alertId: string | null };

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Whether storing `next` would change the stored row (so an unchanged plan costs no UPDATE). */
export function planChanged(stored: BackupPlan, next: TPlanColumns): boolean {
  return (Object.keys(next) as Array<keyof TPlanColumns>).some((key) => !sameValue(stored[key], next[key]));
}
