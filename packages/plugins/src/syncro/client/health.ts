/** How a connection has been doing lately, as shown next to it in the admin UI. */
export type TSyncroHealthStatus = "OK" | "DEGRADED" | "FAILING";

export type TSyncroHealth = {
  status: TSyncroHealthStatus;
  /** The admin-readable message of the latest failure; null while OK. */
  lastError: string | null;
};

export type TSyncroHealthListener = (health: TSyncroHealth) => void;

/**
 * Turns call outcomes into a health status: the first failure degrades the connection,
 * `failingAfter` consecutive failures mark it failing, and any success restores it. A partial
 * failure (one call refused for a missing permission) degrades it and never makes it failing.
 * @remarks Listeners hear only about changes of status, so a connection that keeps failing
 * does not flood whoever records them.
 */
export class HealthTracker {
  private readonly failingAfter: number;
  private readonly onChange: TSyncroHealthListener | undefined;
  private consecutiveFailures = 0;
  private current: TSyncroHealth = { status: "OK", lastError: null };

  constructor(input: { failingAfter: number; onChange?: TSyncroHealthListener }) {
    if (!Number.isInteger(input.failingAfter) || input.failingAfter < 1) throw new RangeError("failingAfter must be a whole number >= 1");
    this.failingAfter = input.failingAfter;
    this.onChange = input.onChange;
  }

  get health(): TSyncroHealth {
    return { ...this.current };
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.set({ status: "OK", lastError: null });
  }

  recordFailure(message: string, options: { partial?: boolean } = {}): void {
    if (options.partial) return this.set({ status: this.current.status === "FAILING" ? "FAILING" : "DEGRADED", lastError: message });
    this.consecutiveFailures++;
    const status = this.consecutiveFailures >= this.failingAfter ? "FAILING" : "DEGRADED";
    this.set({ status, lastError: message });
  }

  private set(next: TSyncroHealth): void {
    const changed = next.status !== this.current.status;
    this.current = next;
    if (changed) this.onChange?.({ ...next });
  }
}
