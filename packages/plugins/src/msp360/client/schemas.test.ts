import { describe, expect, it } from "vitest";
import { ZMsp360Computer, ZMsp360LoginResponse, ZMsp360MonitoringRow, msp360MonitoringRowSchema } from "./schemas.js";
import { tokenFromLogin } from "./token.js";

describe("ZMsp360MonitoringRow", () => {
  it("accepts nulls, missing fields, numeric strings and extra fields", () => {
    const row = ZMsp360MonitoringRow.parse({ Status: "2", PlanName: null, FilesCopied: "17", TotalData: 1.5e12, Encrypted: true });
    expect(row).toMatchObject({ Status: 2, PlanName: null, ComputerName: null, FilesCopied: 17, TotalData: 1.5e12, LastStart: null, PlanId: null, PlanType: null });
    expect(row).not.toHaveProperty("Encrypted");
  });

  it.each([
    ["2025-03-10T09:15:00", "2025-03-10T09:15:00.000Z"],
    ["2025-03-10T09:15:00.1234567", "2025-03-10T09:15:00.123Z"],
    ["2025-03-10T09:15:00Z", "2025-03-10T09:15:00.000Z"],
    ["2025-03-10T10:15:00+01:00", "2025-03-10T09:15:00.000Z"],
    ["/Date(1741598100000)/", "2025-03-10T09:15:00.000Z"],
  ])("reads the date %s as %s", (wire, iso) => {
    expect(ZMsp360MonitoringRow.parse({ Status: 0, LastStart: wire }).LastStart?.toISOString()).toBe(iso);
  });

  it("reads an offset-less date in the account's zone, across a change of daylight saving time, and one with an offset as it says", () => {
    const berlin = msp360MonitoringRowSchema("Europe/Berlin");
    expect(berlin.parse({ Status: 0, LastStart: "2025-03-19T10:26:47.703" }).LastStart?.toISOString()).toBe("2025-03-19T09:26:47.703Z");
    expect(berlin.parse({ Status: 0, LastStart: "2025-07-19T10:26:47.703" }).LastStart?.toISOString()).toBe("2025-07-19T08:26:47.703Z");
    expect(berlin.parse({ Status: 0, LastStart: "2025-07-19T10:26:47Z" }).LastStart?.toISOString()).toBe("2025-07-19T10:26:47.000Z");
  });

  it("reads .NET's DateTime.MinValue and empty text as no date", () => {
    expect(ZMsp360MonitoringRow.parse({ Status: 0, NextStart: "0001-01-01T00:00:00", LastStart: "" })).toMatchObject({ NextStart: null, LastStart: null });
  });

  it.each([
    ["no Status", {}],
    ["a fractional Status", { Status: 1.5 }],
    ["a text Status", { Status: "failed" }],
    ["an unreadable date", { Status: 0, LastStart: "yesterday" }],
    ["a non-numeric count", { Status: 0, FilesFailed: "many" }],
  ])("refuses a row with %s", (_, row) => {
    expect(ZMsp360MonitoringRow.safeParse(row).success).toBe(false);
  });
});

describe("login response and token expiry", () => {
  const now = new Date("2025-03-10T09:00:00Z");

  it("takes the expiry from expires_in", () => {
    const token = tokenFromLogin(ZMsp360LoginResponse.parse({ access_token: "t", expires_in: 3600 }), now);
    expect(token.expiresAt.toISOString()).toBe("2025-03-10T10:00:00.000Z");
  });

  it("falls back to .expires, then to two weeks", () => {
    const stated = ZMsp360LoginResponse.parse({ access_token: "t", ".expires": "Tue, 11 Mar 2025 09:00:00 GMT" });
    expect(tokenFromLogin(stated, now).expiresAt.toISOString()).toBe("2025-03-11T09:00:00.000Z");
    expect(tokenFromLogin(ZMsp360LoginResponse.parse({ access_token: "t" }), now).expiresAt.toISOString()).toBe("2025-03-24T09:00:00.000Z");
  });

  it("refuses an answer without a token", () => {
    expect(ZMsp360LoginResponse.safeParse({ token_type: "bearer" }).success).toBe(false);
  });
});

describe("ZMsp360Computer", () => {
  it("keeps fields it does not know", () => {
    expect(ZMsp360Computer.parse({ ComputerName: "PC-1", LastActivity: "2025-03-10T08:00:00", OS: "Windows 11" })).toMatchObject({
      ComputerName: "PC-1",
      LastActivity: new Date("2025-03-10T08:00:00Z"),
      OS: "Windows 11",
    });
  });
});
