import DataLoader from "dataloader";
import type { Prisma } from "@mspgraph/db";
import type { GraphQLContext } from "../context.js";
import { coreTenancyOf } from "../tenancy/tenancy.js";

/** A model's Prisma delegate name; only models with a tenancy declaration can be counted. */
type CountableModel = Uncapitalize<Prisma.ModelName>;
type GroupByDelegate = {
  groupBy(args: { by: string[]; where: object; _count: { _all: true } }): Promise<Array<Record<string, unknown> & { _count: { _all: number } }>>;
};

const loaders = new WeakMap<GraphQLContext, Map<string, DataLoader<string, number>>>();

/**
 * Counts children per parent for a page of parents in one grouped query, through the
 * caller's tenant-scoped client. Prisma's own relation `_count` with a filter aggregates
 * the whole child table before joining, which grows with every tenant's data.
 */
export function relationCount(context: GraphQLContext, model: CountableModel, foreignKey: string, where: object): DataLoader<string, number> {
  const byContext = loaders.get(context) ?? new Map<string, DataLoader<string, number>>();
  loaders.set(context, byContext);
  const key = `${model}:${foreignKey}:${JSON.stringify(where)}`;
  let loader = byContext.get(key);
  if (!loader) {
    loader = new DataLoader(async (parentIds: readonly string[]) => {
      const delegate = context.db[model] as unknown as GroupByDelegate;
      const rows = await delegate.groupBy({ by: [foreignKey], where: { ...where, [foreignKey]: { in: [...parentIds] } }, _count: { _all: true } });
      const counts = new Map(rows.map((row) => [row[foreignKey] as string, row._count._all]));
      return parentIds.map((id) => counts.get(id) ?? 0);
    });
    byContext.set(key, loader);
  }
  return loader;
}

type ConnectionShape = { parent: { id: string }; args: Record<string, unknown>; edges: unknown[]; pageInfo: { hasNextPage: boolean } };
type IntFieldBuilder = {
  int(options: { description?: string; resolve: (connection: ConnectionShape, args: object, context: GraphQLContext) => Promise<number> }): unknown;
};

/**
 * Connection options for `t.relatedConnection(…, options, countedConnection(…))`: a
 * `totalCount` batched per request by `relationCount`.
 * @param where the children's filter, from the connection's arguments
 */
export function countedConnection(model: CountableModel, foreignKey: string, where: (args: Record<string, unknown>) => object = () => ({})) {
  // Counts run through the caller's scope, which refuses a model without a tenant declaration:
  // the schema build fails here instead of every query later.
  const declared = coreTenancyOf((model.charAt(0).toUpperCase() + model.slice(1)) as Prisma.ModelName);
  if (declared.owner === "none") throw new Error(`${model} is not tenant data: its children cannot be counted through the caller's scope`);
  return {
    fields: (t: IntFieldBuilder) => ({
      totalCount: t.int({
        description: "How many there are in all, not only on this page",
        resolve: async (connection, _args, context) => {
          const { args, edges, pageInfo } = connection;
          // A first page that is not full already holds every child: nothing to count.
          const wholeList = args.after == null && args.before == null && args.last == null && !pageInfo.hasNextPage;
          return wholeList ? edges.length : relationCount(context, model, foreignKey, where(args)).load(connection.parent.id);
        },
      }),
    }),
  } as never;
}
