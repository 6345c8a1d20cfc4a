/**
 * The waits between a delivery's attempts after each failure: 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 10 h (eight attempts over about 28 hours), each moved by up to ±10% jitter so that
 * retries to one receiver spread out.
 */
export const WEBHOOK_RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;

/** How far each wait may move either way (a fraction of it). */
export const WEBHOOK_RETRY_JITTER = 0.1;

/** An endpoint failing this long without one success is disabled (and its owners emailed). */
export const WEBHOOK_DISABLE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * How long to wait after the `attempt`-th attempt failed, or null when it was the last.
 * @param attempt 1 for the first attempt
 * @param random a number in [0, 1) (tests pass their own)
 */
export function webhookRetryDelayMs(attempt: number, random: () => number = Math.random): number | null {
  const base = WEBHOOK_RETRY_SCHEDULE_MS[attempt - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 + WEBHOOK_RETRY_JITTER * (2 * random() - 1)));
}

/** Every attempt a delivery gets: the first and one per wait of the schedule. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_SCHEDULE_MS.length + 1;
