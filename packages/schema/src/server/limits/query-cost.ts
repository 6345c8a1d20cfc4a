import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";

export const DEFAULT_PAGE = 20;
export const MUTATION_COST = 10;
/** No single query may cost more than this (Shopify's per-query ceiling). */
export const MAX_QUERY_COST = 1000;

function pageSize(args: readonly { name: { value: string }; value: ValueNode }[] | undefined, variables: Record<string, unknown>): number | null {
  for (const arg of args ?? []) {
    if (arg.name.value !== "first" && arg.name.value !== "last") continue;
    const value = arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? Number(variables[arg.value.name.value]) : NaN;
    return Number.isFinite(value) ? value : DEFAULT_PAGE;
  }
  return null;
}

/**
 * GitHub's point cost: every connection costs one request for each time it is fetched
 * (the product of the page sizes above it); a query costs the requests over 100, at
 * least 1. Mutations cost 10. A list field is a connection when it takes first/last.
 */
export function queryCost(document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((op) => op.name?.value === operationName) : operations[0];
  if (!operation) return 1;

  let requests = 0;
  const walk = (selectionSet: SelectionSetNode | undefined, fetchedTimes: number, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const size = pageSize(selection.arguments, variables);
        if (size === null) walk(selection.selectionSet, fetchedTimes, seen);
        else {
          requests += fetchedTimes;
          walk(selection.selectionSet, fetchedTimes * Math.max(1, size), seen);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, fetchedTimes, seen);
      else if (!seen.has(selection.name.value)) {
        walk(fragments.get(selection.name.value)?.selectionSet, fetchedTimes, new Set([...seen, selection.name.value]));
      }
    }
  };
  walk(operation.selectionSet, 1, new Set());
  const cost = Math.max(1, Math.round(requests / 100));
  return operation.operation === "mutation" ? cost + MUTATION_COST : cost;
}
