import { afterEach, describe, expect, it } from "vitest";
import type { TMsp360MonitoringRow } from "./client/schemas.js";
import { planKindOf } from "./plan-kind.js";
import { alertMessage, alertSeverityFor, mapBackupStatus, type TMsp360BackupState } from "./status.js";
import { generateMonitoringRows } from "./testing/generate-rows.js";
import { startMsp360Server, type TMsp360Server } from "./testing/msp360-server.js";
import { clientFor } from "./testing/test-helpers.js";

const HOUR = 60 * 60 * 1000;
const now = new Date("2025-03-10T09:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("mapBackupStatus", () => {
  it.each([
    [0, "OK", "Success"],
    [1, "MISSED", "Overdue"],
    [2, "FAILED", "Error"],
    [3, "RUNNING", "Running"],
    [4, "UNKNOWN", "Unknown"],
    [5, "FAILED", "Interrupted"],
    [6, "FAILED", "Unexpectedly closed"],
    [7, "WARNING", "Warning"],
    [-1, "UNKNOWN", "Unknown status -1"],
  ])("maps code %i to %s (%s)", (statusCode, state, statusLabel) => {
    expect(mapBackupStatus({ Status: statusCode, NextStart: null }, { now })).toEqual({ state, statusCode, statusLabel });
  });

  it("counts a NextStart more than the grace period in the past as missed", () => {
    expect(mapBackupStatus({ Status: 0, NextStart: ago(2 * HOUR + 1) }, { now })).toEqual({ state: "MISSED", statusCode: 0, statusLabel: "Success" });
    expect(mapBackupStatus({ Status: 0, NextStart: ago(26 * HOUR) }, { now }).state).toBe("MISSED");
  });

  it("does not count a NextStart within the grace period, or in the future, as missed", () => {
    expect(mapBackupStatus({ Status: 0, NextStart: ago(2 * HOUR) }, { now }).state).toBe("OK");
    expect(mapBackupStatus({ Status: 0, NextStart: ago(HOUR) }, { now }).state).toBe("OK");
    expect(mapBackupStatus({ Status: 0, NextStart: new Date(now.getTime() + HOUR) }, { now }).state).toBe("OK");
  });

  it("uses the caller's grace period", () => {
    const row = { Status: 0, NextStart: ago(45 * 60 * 1000) };
    expect(mapBackupStatus(row, { now, missedGraceMs: 30 * 60 * 1000 }).state).toBe("MISSED");
    expect(mapBackupStatus(row, { now, missedGraceMs: HOUR }).state).toBe("OK");
  });

  it("lets a stale schedule turn unknown into missed, but never a running or failed plan", () => {
    const stale = ago(10 * HOUR);
    expect(mapBackupStatus({ Status: 4, NextStart: stale }, { now }).state).toBe("MISSED");
    expect(mapBackupStatus({ Status: 3, NextStart: stale }, { now }).state).toBe("RUNNING");
    expect(mapBackupStatus({ Status: 2, NextStart: stale }, { now }).state).toBe("FAILED");
  });
});

describe("alertSeverityFor", () => {
  it.each<[TMsp360BackupState, string | null]>([
    ["FAILED", "CRITICAL"],
    ["MISSED", "WARNING"],
    ["WARNING", "WARNING"],
    ["OK", null],
    ["RUNNING", null],
    ["UNKNOWN", null],
  ])("%s -> %s", (state, severity) => {
    expect(alertSeverityFor(state)).toBe(severity);
  });
});

describe("alertMessage", () => {
  const row = { ComputerName: "ACME-PC00042", PlanName: "Daily Files", CompanyName: "Acme Ltd", Status: 2, NextStart: ago(5 * HOUR) };

  it("names the machine, the plan and MSP360's error for a failure", () => {
    expect(alertMessage({ ...row, ErrorMessage: "Access to the path 'C:\\data' is denied." }, "FAILED")).toBe(
      `Backup plan "Daily Files" on ACME-PC00042 (Acme Ltd): backup failed (Error): Access to the path 'C:\\data' is denied.`,
    );
  });

  it("says when a missed run was due", () => {
    expect(alertMessage({ ...row, Status: 0, ErrorMessage: null }, "MISSED", { now })).toBe(
      `Backup plan "Daily Files" on ACME-PC00042 (Acme Ltd): missed its scheduled run; it was due 2025-03-10T04:00:00.000Z`,
    );
  });

  it("copes with missing names and shortens very long errors", () => {
    const message = alertMessage({ ComputerName: null, PlanName: null, CompanyName: null, Status: 5, NextStart: null, ErrorMessage: "x".repeat(2_000) }, "FAILED");
    expect(message).toContain(`Backup plan "(unnamed plan)" on an unnamed computer: backup failed (Interrupted): xxx`);
    expect(message.endsWith("x…")).toBe(true);
    expect(message.length).toBeLessThan(600);
  });
});

describe("planKindOf", () => {
  it("tells restores (2, 4, 6, 8, 10, 12, 15, 17) and consistency checks (13) from backups", () => {
    const kinds = Array.from({ length: 18 }, (_, type) => planKindOf(type));
    expect(kinds.flatMap((kind, type) => (kind === "RESTORE" ? [type] : []))).toEqual([2, 4, 6, 8, 10, 12, 15, 17]);
    expect(kinds.flatMap((kind, type) => (kind === "CONSISTENCY_CHECK" ? [type] : []))).toEqual([13]);
    expect(planKindOf(null)).toBe("BACKUP");
  });

  it("words a failed restore and a missed check in their own terms", () => {
    const row = { ComputerName: "PC-1", PlanName: "Ledger", CompanyName: null, Status: 2, NextStart: null, ErrorMessage: null };
    expect(alertMessage(row, "FAILED", { kind: "RESTORE" })).toBe('Restore plan "Ledger" on PC-1: restore failed (Error): MSP360 gave no error message');
    expect(alertMessage({ ...row, Status: 1 }, "MISSED", { kind: "CONSISTENCY_CHECK" })).toBe('Consistency check "Ledger" on PC-1: missed its scheduled run');
  });
});

describe("status mapping over rows from the local MSP360 server", () => {
  let server: TMsp360Server | undefined;
  afterEach(async () => server?.close());

  it("gives every fetched row a state consistent with its code and schedule", async () => {
    server = await startMsp360Server({ monitoring: generateMonitoringRows(2_000, { now }) });
    const seen = new Map<TMsp360BackupState, TMsp360MonitoringRow>();
    for await (const row of clientFor(server).monitoringRows()) {
      const { state } = mapBackupStatus(row, { now });
      seen.set(state, row);
      if ([2, 5, 6].includes(row.Status)) expect(state).toBe("FAILED");
      if (row.Status === 3) expect(state).toBe("RUNNING");
      if (state === "OK") expect(row.NextStart === null || now.getTime() - row.NextStart.getTime() <= 2 * HOUR).toBe(true);
    }
    expect([...seen.keys()].sort()).toEqual(["FAILED", "MISSED", "OK", "RUNNING", "UNKNOWN", "WARNING"]);
    const failed = seen.get("FAILED");
    expect(failed?.ErrorMessage).toBeTruthy();
    expect(alertMessage(failed as TMsp360MonitoringRow, "FAILED")).toContain(failed?.ErrorMessage ?? "?");
  });
});
