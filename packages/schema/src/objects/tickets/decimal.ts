import { GraphQLError, Kind } from "graphql";
import { builder } from "../../builder.js";

const DECIMAL = /^-?\d{1,10}(\.\d{1,2})?$/;

function parse(value: unknown): string {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text)) {
    throw new GraphQLError("Decimal must be a number with at most 2 decimals, like \"12.50\"", { extensions: { code: "BAD_USER_INPUT" } });
  }
  return text;
}

builder.scalarType("Decimal", {
  description: 'An exact amount as a string with two decimals, e.g. "12.50" (money, quantities)',
  serialize: (value) => Number(value.toString()).toFixed(2),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined),
});
