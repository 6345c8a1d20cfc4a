import { GraphQLError, Kind } from "graphql";
import { builder } from "./builder.js";

function parseDate(value: unknown): Date {
  const date = typeof value === "string" ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError("DateTime must be an ISO 8601 string", { extensions: { code: "BAD_USER_INPUT" } });
  }
  return date;
}

builder.scalarType("DateTime", {
  description: "An ISO 8601 timestamp in UTC, e.g. 2026-11-24T16:00:00.000Z",
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
