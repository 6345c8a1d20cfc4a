import { type BackupPlanKind, backupKindWords, stateWords } from "@mspgraph/schema";
import type { TMsp360MonitoringRow } from "./client/schemas.js";

/** How a backup plan stands, as alerting sees it. */
export type TMsp360BackupState = "OK" | "WARNING" | "FAILED" | "MISSED" | "RUNNING" | "UNKNOWN";

export type TMsp360BackupStatus = {
  state: TMsp360BackupState;
  /** MSP360's own `Status` code, kept for display and for codes we do not know yet. */
  statusCode: number;
  statusLabel: string;
};

export type TMsp360AlertSeverity = "CRITICAL" | "WARNING";

export const DEFAULT_MISSED_GRACE_MS = 2 * 60 * 60 * 1000;

// MSP360's documented Status codes.
const STATUS: Record<number, { label: string; state: TMsp360BackupState }> = {
  0: { label: "Success", state: "OK" },
  1: { label: "Overdue", state: "MISSED" },
  2: { label: "Error", state: "FAILED" },
  3: { label: "Running", state: "RUNNING" },
  4: { label: "Unknown", state: "UNKNOWN" },
  5: { label: "Interrupted", state: "FAILED" },
  6: { label: "Unexpectedly closed", state: "FAILED" },
  7: { label: "Warning", state: "WARNING" },
};

/**
 * Maps a monitoring row to a backup state.
 * @param row The row's `Status` and `NextStart`.
 * @param options `now`, and how late `NextStart` may be before the run counts as missed.
 * @remarks A `NextStart` more than the grace period in the past turns an OK, warning or
 * unknown plan into MISSED; it never overrides FAILED (the failure is the more useful alert)
 * or RUNNING (a long run legitimately pushes the schedule back).
 */
export function mapBackupStatus(
  row: Pick<TMsp360MonitoringRow, "Status" | "NextStart">,
  options: { now: Date; missedGraceMs?: number },
): TMsp360BackupStatus {
  const known = STATUS[row.Status];
  const statusCode = row.Status;
  const statusLabel = known?.label ?? `Unknown status ${row.Status}`;
  const state = known?.state ?? "UNKNOWN";
  if (state !== "OK" && state !== "UNKNOWN" && state !== "WARNING") return { state, statusCode, statusLabel };
  const grace = options.missedGraceMs ?? DEFAULT_MISSED_GRACE_MS;
  const overdue = row.NextStart !== null && options.now.getTime() - row.NextStart.getTime() > grace;
  return { state: overdue ? "MISSED" : state, statusCode, statusLabel };
}

/** CRITICAL for a failed run, WARNING for a missed one or one with warnings, no alert otherwise. */
export function alertSeverityFor(state: TMsp360BackupState): TMsp360AlertSeverity | null {
  if (state === "FAILED") return "CRITICAL";
  if (state === "MISSED" || state === "WARNING") return "WARNING";
  return null;
}

const MAX_ERROR_CHARS = 500;

type TAlertRow = Pick<TMsp360MonitoringRow, "ComputerName" | "PlanName" | "CompanyName" | "ErrorMessage" | "NextStart" | "Status">;

/**
 * One line for an alert or its resolution, naming the machine, the plan, what ran (a restore's
 * failure is a failed restore) and MSP360's error.
 * @param row the monitoring row
 * @param state its state, from `mapBackupStatus`
 * @param options the plan's kind (default BACKUP) and `now`, which tells a past due date from
 * a planned one
 * @remarks An overdue plan's `NextStart` may be its next planned run, in the future: the
 * line then says when that is, never that the run "was due" then.
 */
export function alertMessage(row: TAlertRow, state: TMsp360BackupState, options: { kind?: BackupPlanKind; now?: Date } = {}): string {
  const kind = options.kind ?? "BACKUP";
  const plan = `${backupKindWords(kind).noun} "${row.PlanName ?? "(unnamed plan)"}" on ${row.ComputerName ?? "an unnamed computer"}`;
  const subject = `${plan}${row.CompanyName ? ` (${row.CompanyName})` : ""}`;
  const error = row.ErrorMessage?.trim() ? `: ${truncate(row.ErrorMessage.trim())}` : "";
  const label = STATUS[row.Status]?.label ?? `status ${row.Status}`;
  switch (state) {
    case "FAILED":
      return `${subject}: ${stateWords(kind, state)} (${label})${error || ": MSP360 gave no error message"}`;
    case "WARNING":
      return `${subject}: ${stateWords(kind, state)} (${label})${error}`;
    case "MISSED":
      return `${subject}: ${stateWords(kind, state)}${schedule(row.NextStart, options.now ?? new Date())}${error}`;
    case "UNKNOWN":
      return `${subject} is in an unknown state (${label})${error}`;
    default:
      return `${subject}: ${stateWords(kind, state)}`;
  }
}

function schedule(nextStart: Date | null, now: Date): string {
  if (!nextStart) return "";
  if (nextStart.getTime() <= now.getTime()) return `; it was due ${nextStart.toISOString()}`;
  return `; the next run is planned for ${nextStart.toISOString()}`;
}

const truncate = (text: string) => (text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text);
