import { describe, expect, it } from "vitest";
import { formatMinutes, sumDecimals } from "./money";

describe("ticket totals", () => {
  it("adds Decimal strings exactly, without binary rounding drift", () => {
    expect(sumDecimals(["0.10", "0.20"])).toBe("0.30");
    expect(sumDecimals(["12.50", "7.25", "100.00"])).toBe("119.75");
    expect(sumDecimals([])).toBe("0.00");
  });

  it("shows time in hours and minutes", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(135)).toBe("2 h 15 min");
  });
});
