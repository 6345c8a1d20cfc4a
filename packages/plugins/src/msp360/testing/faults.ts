/** Which requests a fault applies to: the API calls (default), the login, or both. */
export type TMsp360FaultTarget = "api" | "login" | "any";

export type TMsp360Fault =
  | { kind: "fail"; status: number; message?: string }
  | { kind: "delay"; ms: number }
  | { kind: "stall"; ms: number }
  | { kind: "badPayload" }
  | { kind: "unauthorized" };

type TQueued = { fault: TMsp360Fault; remaining: number; target: TMsp360FaultTarget };
type TFaultOptions = { target?: TMsp360FaultTarget };

/**
 * Failures the fake MSP360 serves to the next matching requests, in the order queued.
 * @remarks Faults target API calls unless told otherwise, so a test of retries is not
 * spoiled by the login that precedes the first call.
 */
export class Msp360Faults {
  private readonly queue: TQueued[] = [];

  /** Answer the next `count` requests with `status` (default 500) and an ASP.NET error body. */
  failNext(count: number, status = 500, options: TFaultOptions & { message?: string } = {}): void {
    this.add({ kind: "fail", status, ...(options.message === undefined ? {} : { message: options.message }) }, count, options);
  }

  /** Hold the next `count` requests for `ms` before answering normally. */
  delayNext(count: number, ms: number, options: TFaultOptions = {}): void {
    this.add({ kind: "delay", ms }, count, options);
  }

  /**
   * For the next `count` API requests: a monitoring stream sends its first chunk, then
   * pauses for `ms`; any other request is answered normally (and still uses up the fault).
   */
  stallNext(count: number, ms: number): void {
    this.add({ kind: "stall", ms }, count, { target: "api" });
  }

  /** Answer the next `count` requests with 200 and an HTML error page instead of JSON. */
  badPayloadNext(count: number, options: TFaultOptions = {}): void {
    this.add({ kind: "badPayload" }, count, options);
  }

  /** Answer the next `count` requests with 401 whatever token they carry. */
  unauthorizedNext(count: number, options: TFaultOptions = {}): void {
    this.add({ kind: "unauthorized" }, count, options);
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** The fault for this request, if one is queued for it. */
  take(isLogin: boolean): TMsp360Fault | undefined {
    const index = this.queue.findIndex(({ target }) => target === "any" || (target === "login") === isLogin);
    const queued = this.queue[index];
    if (!queued) return undefined;
    queued.remaining--;
    if (queued.remaining <= 0) this.queue.splice(index, 1);
    return queued.fault;
  }

  private add(fault: TMsp360Fault, count: number, options: TFaultOptions): void {
    if (count > 0) this.queue.push({ fault, remaining: count, target: options.target ?? "api" });
  }
}
