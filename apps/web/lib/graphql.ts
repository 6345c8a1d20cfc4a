import { initGraphQLTada } from "gql.tada";
import type { introspection } from "../graphql-env.d.ts";

/**
 * Typed GraphQL documents for the whole web app, read from the checked-in schema.graphql
 * through graphql-env.d.ts (`npm run -w @mspgraph/web generate:graphql` rewrites it).
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Decimal: string; JSONObject: Record<string, unknown> };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
export { readFragment } from "gql.tada";
