/**
 * "Full jitter" backoff: a random wait between zero and an exponentially growing ceiling,
 * so many connections retrying after the same outage do not hit MSP360 in lockstep.
 */
export function fullJitterDelay(input: { attempt: number; baseMs: number; capMs: number; random: () => number }): number {
  const ceiling = Math.min(input.capMs, input.baseMs * 2 ** input.attempt);
  return Math.floor(input.random() * ceiling);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
