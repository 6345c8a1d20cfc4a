import { type GraphQLSchema, isObjectType } from "graphql";
import type { IMiddlewareFieldMap } from "graphql-middleware";
import { badInput } from "./errors.js";

export const MAX_PAGE_SIZE = 100;

type PageArgs = { first?: number | null; last?: number | null };

/** Refuses page sizes outside 1..100 instead of silently clamping them. */
export function assertPageSize(args: PageArgs): void {
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
      fields[field.name] = (resolve: (...a: unknown[]) => unknown, parent: unknown, args: PageArgs, context: unknown, info: unknown) => {
        assertPageSize(args);
        return resolve(parent, args, context, info);
      };
    }
  }
  return map;
}
