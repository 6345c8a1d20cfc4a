import { type GraphQLSchema } from "graphql";
import { buildProtectedSchema, buildUnprotectedSchema, printSdl } from "@mspgraph/schema";

/** The schema the API serves: the core's types with every field behind its shield rule. */
export function composeSchema(): GraphQLSchema {
  return buildProtectedSchema();
}

/** The composed SDL, as checked in to the repository's schema.graphql. */
export function composedSdl(): string {
  return printSdl(buildUnprotectedSchema());
}
