import { GraphQLError } from "graphql";

/** The codes a caller can act on, in `extensions.code`. Anything else is masked. */
export const ERROR_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "RATE_LIMITED", "CONFLICT", "PROVIDER_ERROR", "PROVIDER_UNAVAILABLE"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const notFound = (what = "Object") => apiError("NOT_FOUND", `${what} not found`);
export const forbidden = () => apiError("FORBIDDEN", "You are not allowed to do this");
export const unauthenticated = () => apiError("UNAUTHENTICATED", "Sign in to do this");
export const badInput = (message: string, field?: string) => apiError("BAD_USER_INPUT", message, field ? { field } : {});
