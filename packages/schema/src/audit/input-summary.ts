import { type GraphQLArgument, type GraphQLInputType, getNamedType, getNullableType, isEnumType, isInputObjectType } from "graphql";

/** What an audit event keeps of a mutation's arguments. */
export type InputSummary = {
  /** Every argument given, as a path (`status`, `branding.primaryColor`); `input.` is left out. */
  fields: string[];
  /** The values of ids, enums and flags only. */
  values: Record<string, unknown>;
};

// Ids, enums and flags say what was done to which object. Text, numbers and JSON can hold
// staff-only content (an internal note, a cost price) or a secret: only their names are kept.
function keepsValue(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isEnumType(named) || named.name === "ID" || named.name === "Boolean";
}

function walk(type: GraphQLInputType, value: unknown, path: string, out: InputSummary): void {
  const nullable = getNullableType(type);
  if (isInputObjectType(nullable) && value && typeof value === "object" && !Array.isArray(value)) {
    const fields = nullable.getFields();
    for (const [name, inner] of Object.entries(value)) {
      const field = fields[name];
      if (field && inner !== undefined) walk(field.type, inner, path ? `${path}.${name}` : name, out);
    }
    return;
  }
  if (!path) return;
  out.fields.push(path);
  if (keepsValue(type)) out.values[path] = value;
}

/** The names of the arguments a mutation was given, with the values of its ids, enums and flags. */
export function summarizeInput(argDefs: readonly GraphQLArgument[], args: Record<string, unknown>): InputSummary {
  const out: InputSummary = { fields: [], values: {} };
  for (const arg of argDefs) {
    if (args[arg.name] !== undefined) walk(arg.type, args[arg.name], arg.name === "input" ? "" : arg.name, out);
  }
  out.fields.sort();
  return out;
}
