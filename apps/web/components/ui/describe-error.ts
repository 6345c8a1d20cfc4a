import type { CombinedError } from "urql";

export type TDescribedError = { message: string; code: string | null; hint: string };

// What each of the API's error codes means for the person looking at the page.
const HINTS: Record<string, string> = {
  UNAUTHENTICATED: "Your session has ended. Sign in again.",
  FORBIDDEN: "Your role does not allow this. Ask an owner or admin of your MSP.",
  NOT_FOUND: "It does not exist, or it is outside your reach.",
  BAD_USER_INPUT: "Something in the request was not accepted. Check the values and try again.",
  RATE_LIMITED: "Too many requests. Wait a moment and try again.",
  CONFLICT: "It clashes with existing data.",
  PROVIDER_ERROR: "The connected PSA refused or failed the change. Nothing was saved.",
  PROVIDER_UNAVAILABLE: "The ticket's PSA is not connected any more.",
  API_UNREACHABLE: "The API is not answering. Try again in a moment.",
  CSRF_REJECTED: "The request was refused as cross-site. Reload the page and try again.",
  INTERNAL_SERVER_ERROR: "The server failed. Try again; if it keeps failing, report the request id.",
  QUERY_TOO_COMPLEX: "The request asked for too much at once.",
};

/** A GraphQL or network error as plain words plus the API's code, for error states and banners. */
export function describeError(error: CombinedError): TDescribedError {
  const first = error.graphQLErrors[0];
  if (first) {
    const code = typeof first.extensions?.code === "string" ? first.extensions.code : null;
    const requestId = typeof first.extensions?.requestId === "string" ? ` (request id ${first.extensions.requestId})` : "";
    return { message: first.message + requestId, code, hint: (code && HINTS[code]) ?? "" };
  }
  if (error.networkError) {
    return { message: "The web server could not be reached.", code: "NETWORK_ERROR", hint: "Check your connection and try again." };
  }
  return { message: error.message, code: null, hint: "" };
}
