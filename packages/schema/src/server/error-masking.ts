import { ERROR_CODES } from "../errors.js";
import { GraphQLError } from "graphql";
import type { Logger } from "./logger.js";

const CLIENT_CODES = new Set<string>([
  ...ERROR_CODES,
  // graphql-js and yoga's own request errors: a caller's mistake, safe to show.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  // Query limits (graphql-armor and the request size).
  "QUERY_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "TOO_MANY_TOKENS",
  "TOO_MANY_DIRECTIVES",
  "QUERY_TOO_COMPLEX",
  "PAYLOAD_TOO_LARGE",
  "HEADER_TOO_LARGE",
]);

function codeOf(error: GraphQLError): unknown {
  return error.extensions?.code ?? (error.originalError as GraphQLError | undefined)?.extensions?.code;
}

// graphql-js and yoga's own errors (syntax, validation, a missing or mistyped variable) have
// no original error, or a scalar's parse error and an HTTP 4xx status.
function isRequestError(error: GraphQLError): boolean {
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  return status === undefined ? !error.originalError : status < 500;
}

/** An error the caller caused and can act on (a refused field, bad input): not the server's fault. */
export function isClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  // Pothos' refusal of a malformed cursor or id, or of before with after.
  if (error.originalError?.name === "PothosValidationError") return true;
  const code = codeOf(error);
  return (typeof code === "string" && CLIENT_CODES.has(code)) || isRequestError(error);
}

/** What a caller reads when the server fails: plain words; the request id is in `extensions.requestId`. */
export const UNEXPECTED_ERROR_MESSAGE = "Something went wrong on our side. Please try again; if it keeps happening, contact support.";

/**
 * Keeps errors a caller can act on and replaces everything else with a generic message
 * and the request id; the original goes to the log with its stack.
 */
export function createErrorMasker(logger: Logger) {
  return (error: unknown, _message: string, requestId?: string): Error => {
    const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(String(error), { originalError: error as Error });
    const original = graphqlError.originalError;
    if (isRequestError(graphqlError)) {
      const code = graphqlError.extensions?.code ?? "BAD_USER_INPUT";
      return new GraphQLError(graphqlError.message, { nodes: graphqlError.nodes, path: graphqlError.path, extensions: { ...graphqlError.extensions, code } });
    }
    // Pothos rejects malformed cursors and global ids with its own validation error.
    if (original?.name === "PothosValidationError") {
      return new GraphQLError(original.message, { nodes: graphqlError.nodes, path: graphqlError.path, extensions: { code: "BAD_USER_INPUT" } });
    }
    const code = codeOf(graphqlError);
    if (typeof code === "string" && CLIENT_CODES.has(code)) {
      const source = original instanceof GraphQLError ? original : graphqlError;
      return new GraphQLError(source.message, { nodes: graphqlError.nodes, path: graphqlError.path, extensions: { ...source.extensions, code } });
    }
    logger.error({ requestId, err: original ?? graphqlError, path: graphqlError.path }, "unexpected error");
    return new GraphQLError(UNEXPECTED_ERROR_MESSAGE, {
      nodes: graphqlError.nodes,
      path: graphqlError.path,
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
    });
  };
}
