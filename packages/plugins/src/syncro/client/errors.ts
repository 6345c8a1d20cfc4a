import { describeHttpStatus } from "@mspgraph/schema";
import { requiredPermission } from "./permissions.js";

/** What went wrong talking to Syncro, coarse enough for a caller to decide what to do next. */
export type TSyncroErrorKind =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "rate_limited"
  | "server"
  | "timeout"
  | "unreachable"
  | "not_allowed"
  | "bad_payload";

/**
 * A failed Syncro call. The message is written for an MSP admin and never carries the API
 * token or anything Syncro sent, only the method and path that failed, the status and a short reason.
 */
export class SyncroApiError extends Error {
  override readonly name = "SyncroApiError";
  readonly kind: TSyncroErrorKind;
  /** The HTTP status Syncro answered with, when it answered at all. */
  readonly status: number | undefined;
  /** For 429: how long Syncro asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  /**
   * For `forbidden`: the Syncro permission the token lacks for this call, as Syncro names it
   * ("Customers - View Detail"), when the call is one we know.
   */
  readonly permission: string | undefined;

  constructor(input: { kind: TSyncroErrorKind; message: string; status?: number; retryAfterMs?: number; permission?: string; cause?: unknown }) {
    super(input.message, input.cause === undefined ? undefined : { cause: input.cause });
    this.kind = input.kind;
    this.status = input.status;
    this.retryAfterMs = input.retryAfterMs;
    this.permission = input.permission;
  }

  /** Whether trying again later may succeed without anyone changing anything. */
  get transient(): boolean {
    return this.kind === "rate_limited" || this.kind === "server" || this.kind === "timeout" || this.kind === "unreachable";
  }
}

export const TOKEN_REJECTED_MESSAGE = "Syncro rejected the API token: create a new token in Syncro (Admin > API Tokens) and reconnect";

/**
 * A refusal of one call to a token that otherwise works (Syncro answers 401 for both, and 403
 * on some calls): names the permission to add, so an admin can fix it without a new token.
 */
export function permissionError(input: { call: string; status: number; permission: string | undefined }): SyncroApiError {
  const { call, status, permission } = input;
  const lacks = permission ? `the permission "${permission}"` : "the permission for it";
  return new SyncroApiError({
    kind: "forbidden",
    status,
    message: `Syncro refused ${call} (HTTP ${status}): the API token lacks ${lacks}; add it to the token in Syncro (Admin > API Tokens), the rest keeps working`,
    ...(permission === undefined ? {} : { permission }),
  });
}

/**
 * Maps an HTTP error status to an error an MSP admin can read: the status and a short fixed
 * reason, never the body Syncro (or whatever answered at that address) sent.
 */
export function errorForStatus(input: { status: number; call: string; retryAfterMs?: number }): SyncroApiError {
  const { status, call } = input;
  const answered = `Syncro answered ${status} (${describeHttpStatus(status)}) on ${call}`;
  if (status === 401) return new SyncroApiError({ kind: "unauthorized", status, message: TOKEN_REJECTED_MESSAGE });
  if (status === 403) return permissionError({ call, status, permission: requiredPermission(call) });
  if (status === 404) return new SyncroApiError({ kind: "not_found", status, message: answered });
  if (status === 429) {
    return new SyncroApiError({
      kind: "rate_limited",
      status,
      message: `Syncro's rate limit was reached on ${call} (HTTP 429); try again in a minute`,
      ...(input.retryAfterMs === undefined ? {} : { retryAfterMs: input.retryAfterMs }),
    });
  }
  if (status >= 500) return new SyncroApiError({ kind: "server", status, message: answered });
  return new SyncroApiError({ kind: "bad_request", status, message: answered });
}
