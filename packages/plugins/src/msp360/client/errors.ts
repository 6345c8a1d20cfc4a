/** What went wrong talking to MSP360, coarse enough for a caller to decide what to do next. */
export type TMsp360ErrorKind =
  | "unauthorized"
  | "not_found"
  | "bad_request"
  | "server"
  | "timeout"
  | "unreachable"
  | "bad_payload";

/**
 * A failed MSP360 call. The message is written for an MSP admin and never carries the
 * password or a bearer token, only the method and path that failed.
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

/** Maps an HTTP error status to an error an MSP admin can read. */
export function errorForStatus(input: { status: number; method: string; path: string; detail?: string }): Msp360ApiError {
  const { status, method, path } = input;
  const call = `${method} ${path}`;
  const detail = input.detail ? `: ${input.detail}` : "";
  if (status === 401 || status === 403) {
    return new Msp360ApiError({ kind: "unauthorized", status, message: `MSP360 refused access to ${call} (HTTP ${status})${detail}` });
  }
  if (status === 404) {
    return new Msp360ApiError({ kind: "not_found", status, message: `MSP360 has nothing at ${call} (HTTP 404)${detail}` });
  }
  if (status >= 500) {
    return new Msp360ApiError({ kind: "server", status, message: `MSP360 had a server error on ${call} (HTTP ${status})${detail}` });
  }
  return new Msp360ApiError({ kind: "bad_request", status, message: `MSP360 rejected ${call} (HTTP ${status})${detail}` });
}
