import type { IMiddlewareFieldMap } from "graphql-middleware";
import type { GraphQLContext } from "./context.js";
import { apiError } from "./errors.js";

/** A read-only API key may not call mutations, whatever the field's own rule allows. */
export function apiKeyScopeMiddleware(mutationFields: string[]): IMiddlewareFieldMap {
  const fields: Record<string, unknown> = {};
  for (const name of mutationFields) {
    fields[name] = (resolve: (...a: unknown[]) => unknown, parent: unknown, args: unknown, context: GraphQLContext, info: unknown) => {
      const { principal } = context;
      if (principal.kind === "apiKey" && !principal.scopes.includes("write")) {
        throw apiError("FORBIDDEN", "This API key has only the read scope", { requiredScope: "write" });
      }
      return resolve(parent, args, context, info);
    };
  }
  return { Mutation: fields as IMiddlewareFieldMap[string] };
}
