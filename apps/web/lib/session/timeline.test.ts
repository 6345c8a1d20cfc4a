import { describe, expect, it } from "vitest";
import { MAX_TIMER_MS, QUIET_REFRESH_LEAD_MS, WARNING_LEAD_MS, countdown, sessionPlan, timerDelay } from "./timeline";

const MINUTE = 60_000;
const now = Date.parse("2026-12-01T12:00:00Z");
const signedIn = (overrides: Partial<{ accessExpiresAt: number; endsAt: number; impersonating: boolean; now: number }> = {}) => ({
  signedIn: true as const,
  kind: "staff" as const,
  email: "owner@northwind-msp.test",
  accessExpiresAt: now + 15 * MINUTE,
  sessionEndsAt: now + 30 * 24 * 60 * MINUTE,
  endsAt: now + 30 * 24 * 60 * MINUTE,
  impersonating: false,
  now,
  ...overrides,
});

describe("when a signed-in page acts on its session", () => {
  it("renews the access token two minutes before it expires and warns five minutes before the end", () => {
    const plan = sessionPlan(signedIn({ endsAt: now + 60 * MINUTE }), now);
    expect(plan.refreshInMs).toBe(15 * MINUTE - QUIET_REFRESH_LEAD_MS);
    expect(plan.warnInMs).toBe(60 * MINUTE - WARNING_LEAD_MS);
    expect(plan.endInMs).toBe(60 * MINUTE);
  });

  it("warns at once when less than five minutes are left, and never plans in the past", () => {
    const plan = sessionPlan(signedIn({ accessExpiresAt: now - MINUTE, endsAt: now + 3 * MINUTE }), now);
    expect(plan).toEqual({ refreshInMs: 0, warnInMs: 0, endInMs: 3 * MINUTE });
  });

  it("does not renew an impersonation's token (it has no refresh token and lasts to its end)", () => {
    expect(sessionPlan(signedIn({ impersonating: true, endsAt: now + 30 * MINUTE }), now).refreshInMs).toBeNull();
  });

  it("plans on the server's clock when the browser's is off", () => {
    const browserAhead = now + 10 * MINUTE;
    const plan = sessionPlan(signedIn({ endsAt: now + 20 * MINUTE }), browserAhead);
    expect(plan.endInMs).toBe(20 * MINUTE);
  });

  it("re-plans waits longer than setTimeout can hold (a 30-day session) instead of firing at once", () => {
    const plan = sessionPlan(signedIn(), now);
    expect(plan.warnInMs).toBeGreaterThan(MAX_TIMER_MS);
    expect(timerDelay(plan.warnInMs)).toEqual({ delay: MAX_TIMER_MS, clamped: true });
    expect(timerDelay(5 * MINUTE)).toEqual({ delay: 5 * MINUTE, clamped: false });
  });

  it("counts down in minutes and seconds", () => {
    expect(countdown(5 * MINUTE)).toBe("5:00");
    expect(countdown(61_500)).toBe("1:02");
    expect(countdown(-1)).toBe("0:00");
  });
});
