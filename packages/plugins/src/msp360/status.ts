import type { TMsp360MonitoringRow } from "./client/schemas.js";

/** How a backup plan stands, as alerting sees it. */
export type TMsp360BackupState = "OK" | "FAILED" | "MISSED" | "RUNNING" | "UNKNOWN";

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
};

/**
 * Maps a monitoring row to a backup state.
 * @param row The row's `Status` and `NextStart`.
 * @param options `now`, and how late `NextStart` may be before the run counts as missed.
 * @remarks A `NextStart` more than the grace period in the past turns an OK or unknown
 * plan into MISSED; it never overrides FAILED (the failure is the more useful alert) or
 * RUNNING (a long run legitimately pushes the schedule back).
 */
export function mapBackupStatus(
  row: Pick<TMsp360MonitoringRow, "Status" | "NextStart">,
  options: { now: Date; missedGraceMs?: number },
): TMsp360BackupStatus {
  const known = STATUS[row.Status];
  const statusCode = row.Status;
  const statusLabel = known?.label ?? `Unknown status ${row.Status}`;
  const state = known?.state ?? "UNKNOWN";
  if (state !== "OK" && state !== "UNKNOWN") return { state, statusCode, statusLabel };
  const grace = options.missedGraceMs ?? DEFAULT_MISSED_GRACE_MS;
  const overdue = row.NextStart !== null && options.now.getTime() - row.NextStart.getTime() > grace;
  return { state: overdue ? "MISSED" : state, statusCode, statusLabel };
}

/** CRITICAL for a failed backup, WARNING for a missed one, no alert otherwise. */
export function alertSeverityFor(state: TMsp360BackupState): TMsp360AlertSeverity | null {
  if (state === "FAILED") return "CRITICAL";
  if (state === "MISSED") return "WARNING";
  return null;
}

const MAX_ERROR_CHARS = 500;

/** One line for an alert or its resolution, naming the machine, the plan and MSP360's error. */
export function alertMessage(
  row: Pick<TMsp360MonitoringRow, "ComputerName" | "PlanName" | "CompanyName" | "ErrorMessage" | "NextStart" | "Status">,
  state: TMsp360BackupState,
): string {
  const plan = `Backup plan "${row.PlanName ?? "(unnamed plan)"}" on ${row.ComputerName ?? "an unnamed computer"}`;
  const company = row.CompanyName ? ` (${row.CompanyName})` : "";
  const error = row.ErrorMessage?.trim() ? `: ${truncate(row.ErrorMessage.trim())}` : "";
  const label = STATUS[row.Status]?.label ?? `status ${row.Status}`;
  switch (state) {
    case "FAILED":
      return `${plan}${company} failed (${label})${error || ": MSP360 gave no error message"}`;
    case "MISSED": {
      const due = row.NextStart ? `; it was due ${row.NextStart.toISOString()}` : "";
      return `${plan}${company} missed its scheduled run${due}${error}`;
    }
    case "RUNNING":
      return `${plan}${company} is running`;
    case "OK":
      return `${plan}${company} completed successfully`;
    default:
      return `${plan}${company} is in an unknown state (${label})${error}`;
  }
}

const truncate = (text: string) => (text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text);
