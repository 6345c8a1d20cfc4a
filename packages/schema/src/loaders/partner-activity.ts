import DataLoader from "dataloader";
import { Prisma } from "@mspgraph/db";
import type { GraphQLContext } from "../context.js";

const loaders = new WeakMap<GraphQLContext, DataLoader<string, Date | null>>();

/**
 * When each of a page of partners was last used, in one statement: the latest `lastUsedAt`
 * of its staff's and client users' sessions and of its API keys. Platform admins' sessions
 * (their impersonations of it included) are not its activity.
 * @remarks Unscoped: only platform admins may read it (see the Partner rules).
 */
export function partnerLastActivity(context: GraphQLContext): DataLoader<string, Date | null> {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (partnerIds: readonly string[]) => {
      const ids = Prisma.join(partnerIds.map((id) => Prisma.sql`${id}::uuid`));
      const rows = await context.database.prisma.$queryRaw<Array<{ id: string; last: Date | null }>>`
        SELECT p.id, GREATEST(
          (SELECT max(s."lastUsedAt") FROM "AuthSession" s JOIN "StaffUser" su ON su.id = s."staffUserId" WHERE su."partnerId" = p.id),
          (SELECT max(s."lastUsedAt") FROM "AuthSession" s JOIN "ClientUser" cu ON cu.id = s."clientUserId" WHERE cu."partnerId" = p.id),
          (SELECT max(k."lastUsedAt") FROM "ApiKey" k WHERE k."partnerId" = p.id)
        ) AS last
        FROM "Partner" p WHERE p.id IN (${ids})`;
      const byId = new Map(rows.map((row) => [row.id, row.last]));
      return partnerIds.map((id) => byId.get(id) ?? null);
    });
    loaders.set(context, loader);
  }
  return loader;
}
