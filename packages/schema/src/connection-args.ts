import { type GraphQLError, type GraphQLResolveInfo, type GraphQLSchema, isObjectType, responsePathAsArray } from "graphql";
import type { IMiddlewareFieldMap } from "graphql-middleware";
import { badInput } from "./errors.js";

export const MAX_PAGE_SIZE = 100;

type PageArgs = { first?: number | null; last?: number | null };

/** GitHub's refusal of a connection asked for without a page size; `path` is where in the response. */
export function unpagedConnectionError(path: string): GraphQLError {
  const name = path.split(".").at(-1) ?? path;
  return badInput(`You must provide a \`first\` or \`last\` value to paginate the \`${name}\` connection (at ${path})`, path);
}

/** Refuses a page without a size, and sizes outside 1..100 instead of silently clamping them. */
export function assertPageSize(args: PageArgs, info: GraphQLResolveInfo): void {
  if ((args.first === null || args.first === undefined) && (args.last === null || args.last === undefined)) {
    throw unpagedConnectionError(responsePathAsArray(info.path).filter((key) => typeof key === "string").join("."));
  }
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value !== null && value !== undefined && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw badInput(`\`${name}\` must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`, name);
    }
  }
}

/** graphql-middleware that checks page sizes on every field taking `first` or `last`. */
export function connectionArgsMiddleware(schema: GraphQLSchema): IMiddlewareFieldMap {
  const map: IMiddlewareFieldMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => arg.name === "first" || arg.name === "last")) continue;
      const fields = (map[type.name] ??= {}) as Record<string, unknown>;
      fields[field.name] = (resolve: (...a: unknown[]) => unknown, parent: unknown, args: PageArgs, context: unknown, info: GraphQLResolveInfo) => {
        assertPageSize(args, info);
        return resolve(parent, args, context, info);
      };
    }
  }
  return map;
}
