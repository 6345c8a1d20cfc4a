import type { TTone } from "../../ui/badge";

export const BACKUP_STATES = ["FAILED", "MISSED", "WARNING", "RUNNING", "OK", "UNKNOWN"] as const;
export type TBackupState = (typeof BACKUP_STATES)[number];

export const backupTone = (state: string): TTone => (state === "OK" ? "ok" : state === "FAILED" ? "bad" : state === "MISSED" || state === "WARNING" ? "warn" : state === "RUNNING" ? "info" : "neutral");
export const backupLabel = (state: string) => ({ OK: "OK", FAILED: "Failed", MISSED: "Missed", WARNING: "Warning", RUNNING: "Running", UNKNOWN: "Unknown" })[state] ?? state;

/** How a plan that is not a backup is labelled: a failed restore is not a failed backup. */
export const backupKindLabel = (kind: string) => ({ BACKUP: "Backup", RESTORE: "Restore", CONSISTENCY_CHECK: "Consistency check" })[kind] ?? kind;

/** The state that needs attention first among a machine's plans; null when it has none. */
export function worstBackupState(states: readonly string[]): TBackupState | null {
  for (const state of BACKUP_STATES) if (states.includes(state)) return state;
  return null;
}
