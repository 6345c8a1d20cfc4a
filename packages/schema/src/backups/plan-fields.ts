import type { AlertSeverity, BackupPlan } from "@mspgraph/db";
import type { BackupPlanKind, BackupState, ProviderBackupPlan } from "../capabilities/backups.js";

/** States that keep an alert open; OK resolves it, RUNNING and UNKNOWN leave it as it is. */
export const isAlerting = (state: BackupState) => state === "FAILED" || state === "MISSED" || state === "WARNING";

export const severityFor = (state: BackupState): AlertSeverity => (state === "FAILED" ? "CRITICAL" : "WARNING");

const KIND_WORDS: Record<BackupPlanKind, { noun: string; run: string }> = {
  BACKUP: { noun: "Backup plan", run: "backup" },
  RESTORE: { noun: "Restore plan", run: "restore" },
  CONSISTENCY_CHECK: { noun: "Consistency check", run: "consistency check" },
};

/**
 * How alerts name a plan of a kind and its runs, so a failed restore never reads as a failed backup.
 * @param kind the plan's kind
 * @remarks `noun` starts a message ("Restore plan"), `run` names what ran ("restore failed").
 */
export const backupKindWords = (kind: BackupPlanKind) => KIND_WORDS[kind];

/** What happened, in the words of the plan's kind: "restore failed", "missed its scheduled run". */
export function stateWords(kind: BackupPlanKind, state: BackupState): string {
  const { run } = KIND_WORDS[kind];
  if (state === "FAILED") return `${run} failed`;
  if (state === "WARNING") return `${run} completed with warnings`;
  if (state === "MISSED") return "missed its scheduled run";
  return state === "OK" ? `${run} succeeded` : state === "RUNNING" ? `${run} running` : "state unknown";
}

/** What client users read: the machine, the plan and what happened, never the provider's error text. */
export function clientAlertMessage(plan: Pick<ProviderBackupPlan, "kind" | "planName" | "computerName" | "state">): string {
  return `${KIND_WORDS[plan.kind].noun} "${plan.planName}" on ${plan.computerName}: ${stateWords(plan.kind, plan.state)}`;
}

/** What staff read: the provider's own line, or the client's with the provider's error. */
export function staffAlertMessage(plan: Pick<ProviderBackupPlan, "kind" | "planName" | "computerName" | "state" | "errorMessage" | "alertMessage">): string {
  if (plan.alertMessage?.trim()) return plan.alertMessage.trim().slice(0, 2000);
  const error = plan.errorMessage?.trim();
  return `${clientAlertMessage(plan)}${error ? `: ${error.slice(0, 1000)}` : ""}`;
}

// Only web links are kept: the field is rendered as a link, so no other scheme gets through.
function reportUrl(text: string | null): string | null {
  if (!text?.trim() || text.length > 2000) return null;
  try {
    const url = new URL(text.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

const whole = (value: number | null, max = 2_147_483_647) => (value === null || !Number.isFinite(value) ? null : Math.min(max, Math.max(0, Math.round(value))));

/** The provider's facts about a plan as stored columns (links, alert and timestamps apart). */
export function planColumns(plan: ProviderBackupPlan) {
  const bytes = whole(plan.bytesCopied, Number.MAX_SAFE_INTEGER);
  return {
    planName: plan.planName.slice(0, 300),
    kind: plan.kind,
    computerName: plan.computerName.slice(0, 300),
    companyName: plan.companyName.slice(0, 300),
    state: plan.state,
    providerStatus: plan.providerStatus.slice(0, 100),
    lastStart: plan.lastStart,
    nextStart: plan.nextStart,
    errorMessage: plan.errorMessage?.slice(0, 4000) ?? null,
    reportUrl: reportUrl(plan.reportUrl),
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
