import { type GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { builder } from "./builder.js";
import { apiKeyScopeMiddleware } from "./api-key-scopes.js";
import { mutationAuditMiddleware } from "./audit/mutation-audit.js";
import { connectionArgsMiddleware } from "./connection-args.js";
import "./objects/index.js";
import type { IntegrationPlugin } from "./integrations/plugin-contract.js";
import { tenancyOf } from "./tenancy/tenancy.js";
import { type RuleTree, allRules, allow, buildPermissions, mergeRules } from "./permissions.js";

export type SchemaParts = {
  /** Shield rules contributed by plugins; merged with the core's. */
  rules?: RuleTree[];
};

const registered = new Set<string>();

/**
 * Lets each plugin add its types and fields to the builder, once per process, and returns
 * the schema parts (their rules) for the protected build.
 */
export function registerPlugins(plugins: readonly IntegrationPlugin[]): SchemaParts {
  // A clash of tenancy declarations stops the composition, naming the plugin.
  tenancyOf(plugins);
  for (const plugin of plugins) {
    if (registered.has(plugin.id)) continue;
    try {
      plugin.register?.(builder);
    } catch (error) {
      throw new Error(`plugin "${plugin.id}" failed to register: ${(error as Error).message}`);
    }
    registered.add(plugin.id);
  }
  return { rules: plugins.flatMap((plugin) => (plugin.rules ? [plugin.rules] : [])) };
}

/** The schema without authorization: for printing the SDL and for walking every field. */
export function buildUnprotectedSchema(): GraphQLSchema {
  return builder.toSchema({ sortSchema: true });
}

/**
 * Connection and edge types only wrap nodes whose own types carry rules, so they are
 * allowed as a whole; they are recognised by shape (edges + pageInfo, node + cursor).
 */
function connectionRules(schema: GraphQLSchema): RuleTree {
  const rules: RuleTree = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const fields = type.getFields();
    const isConnection = "edges" in fields && "pageInfo" in fields;
    const isEdge = "node" in fields && "cursor" in fields;
    if (isConnection || isEdge) rules[type.name] = { "*": allow };
  }
  return rules;
}

/** Every rule that guards `schema`: the core's, the plugins', and the connection wrappers'. */
export function rulesForSchema(schema: GraphQLSchema, parts: SchemaParts = {}): RuleTree {
  return mergeRules(allRules(parts.rules), connectionRules(schema), "connections");
}

/**
 * The schema the API serves. Outermost first: the shield rules (default deny), an API
 * key's scope, one audit event per permitted mutation, then page-size checks.
 * @param options.authorization false only for the benchmark's measure of what authorization costs
 */
export function buildProtectedSchema(parts: SchemaParts = {}, options: { authorization?: boolean } = {}): GraphQLSchema {
  const schema = buildUnprotectedSchema();
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
  const rest = [mutationAuditMiddleware(mutations), connectionArgsMiddleware(schema)];
  if (options.authorization === false) return applyMiddleware(schema, ...rest);
  return applyMiddleware(schema, buildPermissions(rulesForSchema(schema, parts)), apiKeyScopeMiddleware(mutations), ...rest);
}

/** The SDL as checked in to `schema.graphql`. */
export function printSdl(schema: GraphQLSchema = buildUnprotectedSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
