import type { ProviderBackupPlan } from "@mspgraph/schema";
import type { TMsp360MonitoringRow } from "./client/schemas.js";
import { planKindOf } from "./plan-kind.js";
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
 * @remarks MSP360's `PlanId` names the plan: a rename keeps it, and two plans of one name on
 * one computer stay two. Rows stored before it was used were keyed by backup user, computer
 * and plan name; that key is passed on as the former id, so such a row is moved onto its
 * PlanId with its alert. A row without a PlanId (not documented) keeps the old key.
 */
export function toProviderPlan(row: TMsp360MonitoringRow, options: { now: Date; missedGraceMs: number }): ProviderBackupPlan {
  const status = mapBackupStatus(row, options);
  const computerName = row.ComputerName?.trim() || "(unnamed computer)";
  const planName = row.PlanName?.trim() || "(unnamed plan)";
  const kind = planKindOf(row.PlanType);
  const legacyId = [row.UserID ?? row.UserName ?? "", computerName, planName].join("/").toLowerCase();
  const planId = row.PlanId?.trim().toLowerCase();
  return {
    externalId: planId ? `plan:${planId}` : legacyId,
    formerExternalIds: planId ? [legacyId] : [],
    planName,
    kind,
    computerName,
    companyName: row.CompanyName?.trim() ?? "",
    state: status.state,
    providerStatus: `${status.statusLabel} (${status.statusCode})`,
    lastStart: row.LastStart,
    nextStart: row.NextStart,
    errorMessage: row.ErrorMessage?.trim() || null,
    reportUrl: row.DetailedReportLink?.trim() || null,
    alertMessage: alerting.has(status.state) ? alertMessage(row, status.state, { kind, now: options.now }) : null,
    filesCopied: row.FilesCopied,
    filesFailed: row.FilesFailed,
    bytesCopied: row.DataCopied,
    durationSeconds: durationSeconds(row.Duration),
  };
}

const alerting = new Set(["FAILED", "MISSED", "WARNING"]);
