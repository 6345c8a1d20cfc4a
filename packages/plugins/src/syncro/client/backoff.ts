/**
 * "Full jitter" backoff: a random wait between zero and an exponentially growing ceiling,
 * so many connections retrying after the same outage do not hit Syncro in lockstep.
 */
export function fullJitterDelay(input: { attempt: number; baseMs: number; capMs: number; random: () => number }): number {
  const ceiling = Math.min(input.capMs, input.baseMs * 2 ** input.attempt);
  return Math.floor(input.random() * ceiling);
}

/**
 * How long a `Retry-After` header asks us to wait: delta-seconds or an HTTP date.
 * @param header The header value, or null when absent.
 * @param nowMs The current time, for the HTTP-date form.
 * @remarks Returns undefined when the header is absent or unreadable, so the caller falls
 * back to backoff; a date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** "250 ms" or "10 s", for messages an admin reads. */
export const formatDuration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);
