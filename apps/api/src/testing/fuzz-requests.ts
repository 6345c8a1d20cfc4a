import { MAX_STRING_LENGTH } from "@mspgraph/schema/server";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from "graphql";

/** A request the fuzz test sends: a JSON body (or raw text) and a label to report it by. */
export type FuzzRequest = { label: string; body: string };

const GOOD_TEXT = ["Fabrikam", "fuzz.example", "#0e7490", "https://fuzz.example/logo.png", "/logo.png", "A note", "OPEN", "12.50", "2026-11-24T16:00:00.000Z", "someone@fuzz.example"];
const BAD_TEXT = [
  "\u0000", "a\u0000b", "\ud800", "x\udfffy", "\udc00\ud800", "x".repeat(MAX_STRING_LENGTH + 1), "é".repeat(3000), "%_\\", "' OR '1'='1", "😀".repeat(200), "", " ", "\n\t\r",
  "../../etc/passwd", "<script>alert(1)</script>", "NaN", "-1", "1e309", "99999999999999999999.999", "ffffffff-ffff-ffff-ffff-ffffffffffff", "Q2xpZW50OjE=", "Tm9wZTo=", "!!!", "{}", "[]",
];
const BAD_ANY: unknown[] = [null, -1, 0, 2 ** 31, -(2 ** 53), 1.5, 1e308, true, "seven", [], {}, [[]], { a: { b: {} } }];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function validValue(type: GraphQLInputType, random: Random, ids: readonly string[], depth = 0): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, random, ids, depth);
  if (isListType(type)) return [validValue(type.ofType, random, ids, depth + 1)];
  if (isEnumType(type)) return pick(random, type.getValues()).name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || (depth < 3 && random() < 0.5)) value[field.name] = validValue(field.type, random, ids, depth + 1);
    }
    return value;
  }
  switch (type.name) {
    case "ID": return pick(random, ids);
    case "Int": return pick(random, [1, 5, 20, 50]);
    case "Float": return 1.5;
    case "Boolean": return random() < 0.5;
    case "JSONObject": return {};
    default: return pick(random, GOOD_TEXT);
  }
}

/** Every place in a value that can hold a leaf, as a setter. */
function leafSetters(value: unknown, set: (leaf: unknown) => void, out: Array<(leaf: unknown) => void> = []) {
  out.push(set);
  if (Array.isArray(value)) value.forEach((item, index) => leafSetters(item, (leaf) => (value[index] = leaf), out));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) leafSetters(item, (leaf) => ((value as Record<string, unknown>)[key] = leaf), out);
  }
  return out;
}

// GraphQL literal syntax for any JSON value (strings in JSON's escapes, which GraphQL shares).
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object") return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(", ")} }`;
  return value === undefined ? "null" : JSON.stringify(value);
}

/**
 * `count` requests for one root field: valid arguments with one leaf replaced by bad text or
 * a wrong-typed value, arguments inlined as literals, or required variables left out.
 */
export function fieldRequests(options: { schema: GraphQLSchema; operation: "query" | "mutation"; field: GraphQLField<unknown, unknown>; ids: readonly string[]; random: Random; count: number }): FuzzRequest[] {
  const { field, random, ids } = options;
  const selection = isCompositeType(getNamedType(field.type)) ? " { __typename }" : "";
  const requests: FuzzRequest[] = [];
  for (let i = 0; i < options.count; i++) {
    const args: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (arg.name === "first" || arg.name === "last") args[arg.name] = arg.name === "first" && random() < 0.9 ? pick(random, [1, 5, 100]) : undefined;
      else if (isNonNullType(arg.type) || random() < 0.5) args[arg.name] = validValue(arg.type, random, ids);
    }
    const strategy = pick(random, ["valid", "bad text", "bad text", "wrong type", "wrong type", "missing", "literal"] as const);
    const setters = leafSetters(args, () => undefined).slice(1);
    if ((strategy === "bad text" || strategy === "literal") && setters.length > 0) pick(random, setters)(pick(random, BAD_TEXT));
    if (strategy === "wrong type" && setters.length > 0) pick(random, setters)(pick(random, BAD_ANY));
    const present = field.args.filter((arg) => args[arg.name] !== undefined);
    let body: Record<string, unknown>;
    if (strategy === "literal") {
      const inline = present.map((arg) => `${arg.name}: ${literal(args[arg.name])}`).join(", ");
      body = { query: `${options.operation} { ${field.name}${inline ? `(${inline})` : ""}${selection} }` };
    } else {
      const definitions = present.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
      const uses = present.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
      const query = `${options.operation} Fuzz${definitions ? `(${definitions})` : ""} { ${field.name}${uses ? `(${uses})` : ""}${selection} }`;
      body = strategy === "missing" ? { query } : { query, variables: present.length > 0 ? args : { stray: pick(random, BAD_TEXT) } };
    }
    requests.push({ label: `${field.name} (${strategy})`, body: JSON.stringify(body) });
  }
  return requests;
}
