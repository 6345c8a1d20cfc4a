import { type GraphQLField, type GraphQLNamedType, type GraphQLSchema, getNamedType, isAbstractType, isLeafType, isNonNullType, isObjectType } from "graphql";

/** One selection: a field (with its arguments) or an inline fragment, and what it selects. */
type Tree = { head: string; leaves: string[]; children: Tree[] };

// Connection and edge wrappers do not count as a level of depth.
const isWrapper = (type: GraphQLNamedType) => /(Connection|ConnectionEdge|Edge)$/.test(type.name);
const PAGE = "first: 3";

function fieldHead(field: GraphQLField<unknown, unknown>): string | null {
  if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) return null;
  return field.args.some((arg) => arg.name === "first") ? `${field.name}(${PAGE})` : field.name;
}

function selection(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, path: string[], denied: Set<string>): Omit<Tree, "head"> {
  const leaves = ["__typename"];
  const children: Tree[] = [];
  if (isAbstractType(type)) {
    for (const possible of schema.getPossibleTypes(type)) if (!path.includes(possible.name)) children.push({ head: `... on ${possible.name}`, ...selection(schema, possible, depth, path, denied) });
    return { leaves, children };
  }
  if (!isObjectType(type)) return { leaves, children };
  for (const field of Object.values(type.getFields())) {
    const head = fieldHead(field);
    if (!head || denied.has(`${type.name}.${field.name}`)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) leaves.push(head);
    else if (isWrapper(inner)) children.push({ head, ...selection(schema, inner, depth, path, denied) });
    else if (depth > 1 && !path.includes(inner.name)) children.push({ head, ...selection(schema, inner, depth - 1, [...path, inner.name], denied) });
  }
  return { leaves, children };
}

const render = (tree: Tree, parts: string[]) => `${tree.head} { ${parts.join(" ")} }`;
const full = (tree: Tree): string => render(tree, [...tree.leaves, ...tree.children.map(full)]);
const tokens = (text: string) => text.match(/\.\.\.|[A-Za-z_]\w*|\d+|[{}():!$,]/g)?.length ?? 0;
// graphql-armor refuses documents over 1,000 tokens: a selection is split below that.
const BUDGET = 600;

function pieces(tree: Tree): string[] {
  const whole = full(tree);
  if (tokens(whole) <= BUDGET) return [whole];
  return [render(tree, tree.leaves), ...tree.children.flatMap((child) => pieces(child).map((piece) => render(tree, ["__typename", piece])))];
}

/**
 * Queries that read one root field of `schema` with every leaf field reachable within
 * `depth` object levels (connections pages of 3), split into documents the API accepts.
 * `denied` ("Type.field") are left out, so one refused field does not null out the rest.
 */
export function rootFieldQueries(schema: GraphQLSchema, rootField: string, args: string, depth: number, denied: Set<string>): string[] {
  const field = schema.getQueryType()!.getFields()[rootField]!;
  const pageArg = field.args.some((arg) => arg.name === "first") ? PAGE : "";
  const allArgs = [args, pageArg].filter(Boolean).join(", ");
  const head = allArgs ? `${rootField}(${allArgs})` : rootField;
  if (isLeafType(getNamedType(field.type))) return [`{ ${head} }`];
  const root: Tree = { head, ...selection(schema, getNamedType(field.type), depth, [getNamedType(field.type).name], denied) };
  return pieces(root).map((piece) => `{ ${piece} }`);
}

/** The "Type.field" an error's path points at, for every type it could be (interfaces and unions). */
export function coordinatesOf(schema: GraphQLSchema, path: ReadonlyArray<string | number>): string[] {
  let types: GraphQLNamedType[] = [schema.getQueryType()!];
  let found: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") continue;
    const concrete = types.flatMap((type) => (isAbstractType(type) ? [...schema.getPossibleTypes(type)] : [type])).filter(isObjectType);
    const owners = concrete.filter((type) => type.getFields()[segment]);
    found = owners.map((type) => `${type.name}.${segment}`);
    types = owners.map((type) => getNamedType(type.getFields()[segment]!.type));
  }
  return found;
}

/** Root query fields with a required argument other than an id: the walk cannot fill them. */
export function unfillableRootFields(schema: GraphQLSchema): string[] {
  return Object.values(schema.getQueryType()!.getFields())
    .filter((field) => field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined && !["ID"].includes(getNamedType(arg.type).name)))
    .map((field) => field.name);
}
