import { type GraphQLSchema, isObjectType } from "graphql";
import type { RuleTree } from "./permissions.js";

/** Every `Type.field` of the schema's object types with no shield rule of its own or its type's (`*`). */
export function fieldsWithoutRules(schema: GraphQLSchema, rules: RuleTree): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.keys(type.getFields())) {
      const typeRules = rules[type.name];
      if (!typeRules?.[field] && !typeRules?.["*"]) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}
