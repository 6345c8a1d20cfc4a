import type { CombinedError } from "urql";

export type TDescribedError = { message: string; code: string | null; hint: string; requestId: string | null };

/** What a client user reads when the server fails. */
export const SERVER_FAILED = "Something went wrong on our side. Please try again; if it keeps happening, contact your IT provider.";

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
  QUERY_TOO_COMPLEX: "The request asked for too much at once.",
};

/** A GraphQL or network error as plain words, plus the API's code and request id kept apart. */
export function describeError(error: CombinedError): TDescribedError {
  const first = error.graphQLErrors[0];
  if (first) {
    const code = typeof first.extensions?.code === "string" ? first.extensions.code : null;
    const requestId = typeof first.extensions?.requestId === "string" ? first.extensions.requestId : null;
    const message = code === "INTERNAL_SERVER_ERROR" ? SERVER_FAILED : first.message;
    return { message, code, hint: (code && HINTS[code]) ?? "", requestId };
  }
  if (error.networkError) {
    return { message: "The web server could not be reached.", code: "NETWORK_ERROR", hint: "Check your connection and try again.", requestId: null };
  }
  return { message: SERVER_FAILED, code: null, hint: "", requestId: null };
}
