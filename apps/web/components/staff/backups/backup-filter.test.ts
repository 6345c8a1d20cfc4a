import { describe, expect, it } from "vitest";
import { backupFilterFrom } from "./backup-filter";
import { worstBackupState } from "./backup-tones";

describe("backup plans", () => {
  it("filters by state and client, or lists the plans of companies no client has", () => {
    expect(backupFilterFrom({ state: "FAILED", clientId: "C1", unlinked: "" })).toEqual({ state: "FAILED", clientId: "C1" });
    expect(backupFilterFrom({ state: "BROKEN", clientId: "C1", unlinked: "true" })).toEqual({ linkedToClient: false });
  });

  it("shows a machine by the plan that needs attention first", () => {
    expect(worstBackupState(["OK", "MISSED", "RUNNING"])).toBe("MISSED");
    expect(worstBackupState(["OK", "FAILED", "MISSED"])).toBe("FAILED");
    expect(worstBackupState([])).toBeNull();
  });
});
