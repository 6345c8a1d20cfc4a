import { ProviderError, type TProviderErrorReason } from "@mspgraph/schema";
import type { Msp360ApiError, TMsp360ErrorKind } from "./client/errors.js";

// Every kind is listed, so a new kind cannot reach a caller unclassified.
const REASON_OF_KIND: Record<TMsp360ErrorKind, TProviderErrorReason> = {
  unauthorized: "CREDENTIALS_REJECTED",
  not_found: "NOT_FOUND",
  bad_request: "REFUSED",
  server: "UNAVAILABLE",
  timeout: "UNAVAILABLE",
  unreachable: "UNAVAILABLE",
  bad_payload: "UNAVAILABLE",
  not_allowed: "NOT_ALLOWED",
};

/** The error a caller of an MSP360-backed field reads: MSP360's admin-readable message and the classified reason. */
export function msp360ProviderError(error: Msp360ApiError): ProviderError {
  return new ProviderError(error.message, { reason: REASON_OF_KIND[error.kind], provider: "msp360" });
}
