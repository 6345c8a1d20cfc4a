import type { ProviderBackupPlan } from "@mspgraph/schema";
import type { TMsp360MonitoringRow } from "./client/schemas.js";
import { alertMessage, mapBackupStatus } from "./status.js";

// A .NET TimeSpan: "[d.]hh:mm:ss[.fffffff]".
const TIME_SPAN = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

export function durationSeconds(text: string | null): number | null {
  const match = text ? TIME_SPAN.exec(text.trim()) : null;
  if (!match) return null;
  const [, days = "0", hours, minutes, seconds] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

/**
 * One monitoring row as the core's backup plan.
 * @remarks MSP360 gives a plan no id of its own: backup user, computer and plan name together
 * name it, so a renamed plan is a new plan (and the old one is removed by the next poll).
 */
export function toProviderPlan(row: TMsp360MonitoringRow, options: { now: Date; missedGraceMs: number }): ProviderBackupPlan {
  const status = mapBackupStatus(row, options);
  const computerName = row.ComputerName?.trim() || "(unnamed computer)";
  const planName = row.PlanName?.trim() || "(unnamed plan)";
  return {
    externalId: [row.UserID ?? row.UserName ?? "", computerName, planName].join("/").toLowerCase(),
    planName,
    computerName,
    companyName: row.CompanyName?.trim() ?? "",
    state: status.state,
    providerStatus: `${status.statusLabel} (${status.statusCode})`,
    lastStart: row.LastStart,
    nextStart: row.NextStart,
    errorMessage: row.ErrorMessage?.trim() || null,
    alertMessage: status.state === "FAILED" || status.state === "MISSED" ? alertMessage(row, status.state) : null,
    filesCopied: row.FilesCopied,
    filesFailed: row.FilesFailed,
    bytesCopied: row.DataCopied,
    durationSeconds: durationSeconds(row.Duration),
  };
}
