import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type { GraphQLContext } from "./context.js";
import type PrismaTypes from "./generated/pothos-prisma-types.js";
import { getDatamodel } from "./generated/pothos-prisma-types.js";

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date }; JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> }; Decimal: { Input: string; Output: { toString(): string } | string | number } };
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (context) => context.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
