import { ProviderError, type TProviderErrorReason } from "@mspgraph/schema";
import type { SyncroApiError, TSyncroErrorKind } from "./client/errors.js";

// Every kind is listed, so a new kind cannot reach a caller unclassified.
const REASON_OF_KIND: Record<TSyncroErrorKind, TProviderErrorReason> = {
  unauthorized: "CREDENTIALS_REJECTED",
  forbidden: "PERMISSION_MISSING",
  not_found: "NOT_FOUND",
  bad_request: "REFUSED",
  rate_limited: "RATE_LIMITED",
  server: "UNAVAILABLE",
  timeout: "UNAVAILABLE",
  unreachable: "UNAVAILABLE",
  bad_payload: "UNAVAILABLE",
  not_allowed: "NOT_ALLOWED",
};

/** The error a caller of a Syncro-backed field reads: Syncro's admin-readable message and the classified reason. */
export function syncroProviderError(error: SyncroApiError): ProviderError {
  return new ProviderError(error.message, {
    reason: REASON_OF_KIND[error.kind],
    provider: "syncro",
    ...(error.permission === undefined ? {} : { permission: error.permission }),
  });
}
