import { describeHttpStatus } from "@mspgraph/schema";

/** What went wrong talking to MSP360, coarse enough for a caller to decide what to do next. */
export type TMsp360ErrorKind =
  | "unauthorized"
  | "not_found"
  | "bad_request"
  | "server"
  | "timeout"
  | "unreachable"
  | "not_allowed"
  | "bad_payload";

/**
 * A failed MSP360 call. The message is written for an MSP admin and never carries the
 * password, a bearer token or anything MSP360 sent, only the method and path that failed,
 * the status and a short reason.
 */
export class Msp360ApiError extends Error {
  override readonly name: string = "Msp360ApiError";
  readonly kind: TMsp360ErrorKind;
  /** The HTTP status MSP360 answered with, when it answered at all. */
  readonly status: number | undefined;
  /** Whether trying again later may succeed without anyone changing anything. */
  readonly retryable: boolean;

  constructor(input: { kind: TMsp360ErrorKind; message: string; status?: number; cause?: unknown }) {
    super(input.message, input.cause === undefined ? undefined : { cause: input.cause });
    this.kind = input.kind;
    this.status = input.status;
    this.retryable = input.kind === "server" || input.kind === "timeout" || input.kind === "unreachable";
  }
}

export const CREDENTIALS_REJECTED_MESSAGE = "credentials rejected: regenerate them in the MSP360 console and reconnect";

/**
 * MSP360 refused the API credentials even after a fresh login: the connection is broken
 * until someone regenerates the credentials and reconnects.
 */
export class Msp360CredentialsRejectedError extends Msp360ApiError {
  override readonly name = "Msp360CredentialsRejectedError";

  constructor(status?: number) {
    super({ kind: "unauthorized", message: CREDENTIALS_REJECTED_MESSAGE, ...(status === undefined ? {} : { status }) });
  }
}

/** Maps an HTTP error status to an error an MSP admin can read; the body is never part of it. */
export function errorForStatus(input: { status: number; method: string; path: string }): Msp360ApiError {
  const { status, method, path } = input;
  const message = `MSP360 answered ${status} (${describeHttpStatus(status)}) on ${method} ${path}`;
  if (status === 401 || status === 403) return new Msp360ApiError({ kind: "unauthorized", status, message });
  if (status === 404) return new Msp360ApiError({ kind: "not_found", status, message });
  if (status >= 500) return new Msp360ApiError({ kind: "server", status, message });
  return new Msp360ApiError({ kind: "bad_request", status, message });
}
