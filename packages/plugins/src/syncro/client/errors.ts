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
  | "bad_payload";

/**
 * A failed Syncro call. The message is written for an MSP admin and never carries the API
 * token, only the method and path that failed and, for rejected input, Syncro's own words.
 */
export class SyncroApiError extends Error {
  override readonly name = "SyncroApiError";
  readonly kind: TSyncroErrorKind;
  /** The HTTP status Syncro answered with, when it answered at all. */
  readonly status: number | undefined;
  /** For 429: how long Syncro asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(input: { kind: TSyncroErrorKind; message: string; status?: number; retryAfterMs?: number; cause?: unknown }) {
    super(input.message, input.cause === undefined ? undefined : { cause: input.cause });
    this.kind = input.kind;
    this.status = input.status;
    this.retryAfterMs = input.retryAfterMs;
  }

  /** Whether trying again later may succeed without anyone changing anything. */
  get transient(): boolean {
    return this.kind === "rate_limited" || this.kind === "server" || this.kind === "timeout" || this.kind === "unreachable";
  }
}

export const TOKEN_REJECTED_MESSAGE = "Syncro rejected the API token: create a new token in Syncro (Admin > API Tokens) and reconnect";

/** Maps an HTTP error status to an error an MSP admin can read. */
export function errorForStatus(input: { status: number; call: string; detail?: string; retryAfterMs?: number }): SyncroApiError {
  const { status, call } = input;
  const detail = input.detail ? `: ${input.detail}` : "";
  if (status === 401) return new SyncroApiError({ kind: "unauthorized", status, message: TOKEN_REJECTED_MESSAGE });
  if (status === 403) {
    return new SyncroApiError({
      kind: "forbidden",
      status,
      message: `Syncro refused ${call} (HTTP 403): the API token lacks the permission for it; widen the token's permissions in Syncro`,
    });
  }
  if (status === 404) return new SyncroApiError({ kind: "not_found", status, message: `Syncro found nothing at ${call} (HTTP 404)${detail}` });
  if (status === 429) {
    return new SyncroApiError({
      kind: "rate_limited",
      status,
      message: `Syncro's rate limit was reached on ${call} (HTTP 429); try again in a minute`,
      ...(input.retryAfterMs === undefined ? {} : { retryAfterMs: input.retryAfterMs }),
    });
  }
  if (status >= 500) return new SyncroApiError({ kind: "server", status, message: `Syncro had a server error on ${call} (HTTP ${status})${detail}` });
  return new SyncroApiError({ kind: "bad_request", status, message: `Syncro rejected ${call} (HTTP ${status})${detail}` });
}

/**
 * Syncro's own explanation from an error body, token-free and short. Rails answers with
 * `{ message }`, `{ error }` or `{ errors }`, each a string, a list or a field map.
 */
export function errorDetail(text: string, token: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const found = [record.message, record.error, record.errors].map(flatten).find((value) => value !== "");
  if (!found) return undefined;
  return redact(found, token).slice(0, 300);
}

function flatten(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(flatten).filter(Boolean).join("; ");
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .map(([field, messages]) => `${field} ${flatten(messages)}`)
      .join("; ");
  }
  return "";
}

/** Removes the token from text Syncro sent back, in case it echoed a request. */
export const redact = (text: string, token: string) => (token ? text.split(token).join("[redacted]") : text);
