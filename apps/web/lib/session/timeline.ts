import type { TSessionStatus } from "./status";

/** The warning shows this long before the session (or impersonation) ends. */
export const WARNING_LEAD_MS = 5 * 60_000;
/** The page renews its access token this long before it expires, even when idle. */
export const QUIET_REFRESH_LEAD_MS = 2 * 60_000;
// setTimeout fires at once past 2^31-1 ms (24.8 days); longer waits are re-planned.
export const MAX_TIMER_MS = 2 ** 31 - 1;

export type TSessionPlan = {
  /** When to renew the access token quietly; null while impersonating (its token lasts to the end). */
  refreshInMs: number | null;
  /** When to show "Stay signed in" (0: now). */
  warnInMs: number;
  /** When the session is over. */
  endInMs: number;
};

/** The timers a signed-in page sets, on the browser's clock (corrected by the server's `now`). */
export function sessionPlan(status: Extract<TSessionStatus, { signedIn: true }>, browserNow: number): TSessionPlan {
  const skew = browserNow - status.now;
  const inMs = (at: number) => Math.max(0, at + skew - browserNow);
  return {
    refreshInMs: status.impersonating ? null : inMs(status.accessExpiresAt - QUIET_REFRESH_LEAD_MS),
    warnInMs: inMs(status.endsAt - WARNING_LEAD_MS),
    endInMs: inMs(status.endsAt),
  };
}

/** A wait setTimeout can honour; when clamped, the caller re-plans at the end of it. */
export function timerDelay(ms: number): { delay: number; clamped: boolean } {
  return ms > MAX_TIMER_MS ? { delay: MAX_TIMER_MS, clamped: true } : { delay: ms, clamped: false };
}

/** "4:59" for the countdown in the warning. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
