import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
} from "graphql";
import { MAX_PAGE_SIZE } from "../../connection-args.js";

export const MUTATION_COST = 10;
/** No single query may cost more than this (Shopify's per-query ceiling). */
export const MAX_QUERY_COST = 1000;

export type QueryCost = {
  cost: number;
  /** Connections asked for without `first` or `last`, by response path (e.g. `clients.edges.node.agents`). */
  unpaged: string[];
};

type Args = readonly ArgumentNode[] | undefined;

const isPaged = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => arg.name === "first" || arg.name === "last");

/**
 * GitHub's point cost, read against the schema: every connection (a field taking
 * first/last) costs one request for each time it is fetched, the product of the page sizes
 * above it; a list field taking a list (`nodes(ids:)`) is fetched once per item. A query
 * costs the requests over 100, at least 1; a mutation 10 more. A connection without
 * first/last is listed in `unpaged` and costed at the largest page.
 */
export function queryCost(options: { schema: GraphQLSchema; document: DocumentNode; variables?: Record<string, unknown>; operationName?: string | null }): QueryCost {
  const { schema, document } = options;
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = options.operationName ? operations.find((op) => op.name?.value === options.operationName) : operations[0];
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { cost: 1, unpaged: [] };

  // Variables the caller left out take their declared defaults.
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variables[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  Object.assign(variables, options.variables);
  const argValue = (args: Args, name: string): unknown => {
    const node: ValueNode | undefined = args?.find((arg) => arg.name.value === name)?.value;
    return node ? valueFromASTUntyped(node, variables) : undefined;
  };
  const pageSize = (args: Args): number | null => {
    const sizes = ["first", "last"].map((name) => argValue(args, name)).filter((value) => value !== null && value !== undefined);
    if (sizes.length === 0) return null;
    // A size that is not a number fails coercion later; until then it counts as the largest page.
    return Math.max(...sizes.map((value) => (typeof value === "number" && Number.isFinite(value) ? Math.max(1, value) : MAX_PAGE_SIZE)));
  };
  const listLength = (field: GraphQLField<unknown, unknown>, args: Args): number => {
    if (!isListType(getNullableType(field.type))) return 1;
    const lists = field.args.filter((arg) => isListType(getNullableType(arg.type))).map((arg) => argValue(args, arg.name));
    return Math.max(1, ...lists.map((value) => (Array.isArray(value) ? value.length : 1)));
  };

  let requests = 0;
  const unpaged: string[] = [];
  const walk = (selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType | undefined, fetchedTimes: number, path: string, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const fieldPath = path ? `${path}.${selection.alias?.value ?? selection.name.value}` : (selection.alias?.value ?? selection.name.value);
        let times = fetchedTimes * listLength(field, selection.arguments);
        if (isPaged(field)) {
          const size = pageSize(selection.arguments);
          if (size === null) unpaged.push(fieldPath);
          requests += times;
          times *= size ?? MAX_PAGE_SIZE;
        }
        walk(selection.selectionSet, getNamedType(field.type), times, fieldPath, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        walk(selection.selectionSet, condition, fetchedTimes, path, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        walk(fragment?.selectionSet, condition, fetchedTimes, path, new Set([...seen, selection.name.value]));
      }
    }
  };
  walk(operation.selectionSet, root, 1, "", new Set());
  const cost = Math.max(1, Math.round(requests / 100));
  return { cost: operation.operation === "mutation" ? cost + MUTATION_COST : cost, unpaged };
}
