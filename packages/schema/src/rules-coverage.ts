import { type GraphQLSchema, isObjectType } from "graphql";
import type { RuleTree } from "./permissions.js";

/** Every `Type.field` of the schema's object types that has no shield rule. */
export function fieldsWithoutRules(schema: GraphQLSchema, rules: RuleTree): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.keys(type.getFields())) {
      if (!rules[type.name]?.[field]) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}
