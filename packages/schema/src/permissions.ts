import { GraphQLError } from "graphql";
import { type IRules, allow, and, deny, shield } from "graphql-shield";

/** Any shield rule, including the `allow` and `deny` constants. */
export type FieldRule = Parameters<typeof and>[number];
export type RuleTree = Record<string, Record<string, FieldRule>>;

const coreRules: RuleTree = {};

/**
 * Merges `tree` into `target`, refusing a second rule for the same field: each field's
 * rule is written once, next to the field.
 */
export function mergeRules(target: RuleTree, tree: RuleTree, owner = "core"): RuleTree {
  for (const [typeName, fields] of Object.entries(tree)) {
    const existing = (target[typeName] ??= {});
    for (const [fieldName, fieldRule] of Object.entries(fields)) {
      if (existing[fieldName]) throw new Error(`${owner}: ${typeName}.${fieldName} already has a shield rule`);
      existing[fieldName] = fieldRule;
    }
  }
  return target;
}

/** Registers the shield rules of core fields; called beside the fields they guard. */
export function addRules(tree: RuleTree): void {
  mergeRules(coreRules, tree);
}

/** The core rules merged with the plugins' rules. */
export function allRules(extra: RuleTree[] = []): RuleTree {
  const merged = mergeRules({}, coreRules);
  for (const tree of extra) mergeRules(merged, tree, "plugin");
  return merged;
}

export const FORBIDDEN_ERROR = new GraphQLError("You are not allowed to do this", { extensions: { code: "FORBIDDEN" } });

/**
 * The graphql-shield middleware: default deny, so a field without a rule is refused.
 * @remarks `allowExternalErrors` lets resolvers' own coded errors (NOT_FOUND, BAD_USER_INPUT)
 * through; unexpected errors are still masked by the server.
 */
export function buildPermissions(rules: RuleTree) {
  return shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: FORBIDDEN_ERROR,
    allowExternalErrors: true,
    debug: false,
  });
}

export { allow, deny };
