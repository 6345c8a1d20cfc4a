import { GraphQLError, Kind, type ValueNode } from "graphql";
import { builder } from "../builder.js";

function fromLiteral(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => fromLiteral(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, fromLiteral(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new GraphQLError("JSONObject must be an object", { extensions: { code: "BAD_USER_INPUT" } });
  }
  return value as Record<string, unknown>;
}

builder.scalarType("JSONObject", {
  description: "A JSON object; its shape is checked by whoever reads it (a plugin's schema)",
  serialize: (value) => asObject(value),
  parseValue: (value) => asObject(value),
  parseLiteral: (ast, variables) => asObject(fromLiteral(ast, variables)),
});
