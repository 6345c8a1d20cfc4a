import { applyMiddleware } from "graphql-middleware";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.js";
import "./objects/index.js";
import { type RuleTree, allRules, buildPermissions } from "./permissions.js";

export type SchemaParts = {
  /** Shield rules contributed by plugins; merged with the core's. */
  rules?: RuleTree[];
};

/** The schema without authorization: for printing the SDL and for walking every field. */
export function buildUnprotectedSchema(): GraphQLSchema {
  return builder.toSchema({ sortSchema: true });
}

/** The schema the API serves: every field behind its shield rule, default deny. */
export function buildProtectedSchema(parts: SchemaParts = {}): GraphQLSchema {
  return applyMiddleware(buildUnprotectedSchema(), buildPermissions(allRules(parts.rules)));
}

/** The SDL as checked in to `schema.graphql`. */
export function printSdl(schema: GraphQLSchema = buildUnprotectedSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
