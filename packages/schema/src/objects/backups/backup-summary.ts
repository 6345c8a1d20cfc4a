import type { BackupState } from "@mspgraph/db";
import DataLoader from "dataloader";
import { builder } from "../../builder.js";
import type { GraphQLContext } from "../../context.js";
import { addRules } from "../../permissions.js";
import { isAuthenticated } from "../../rules/roles.js";

type TBackupSummary = Record<Lowercase<BackupState>, number>;

const BackupSummaryRef = builder.objectRef<TBackupSummary>("BackupSummary").implement({
  description: "How many of a client's backup plans are in each state",
  fields: (t) => ({
    ok: t.exposeInt("ok"),
    warning: t.exposeInt("warning", { description: "Plans whose last run finished with warnings" }),
    failed: t.exposeInt("failed"),
    missed: t.exposeInt("missed"),
    running: t.exposeInt("running"),
    unknown: t.exposeInt("unknown"),
  }),
});

const empty = (): TBackupSummary => ({ ok: 0, warning: 0, failed: 0, missed: 0, running: 0, unknown: 0 });

// One grouped query per request, however many clients are listed.
const summaries = new WeakMap<GraphQLContext, DataLoader<string, TBackupSummary>>();
function summaryOf(context: GraphQLContext) {
  let loader = summaries.get(context);
  if (!loader) {
    loader = new DataLoader(async (clientIds: readonly string[]) => {
      const groups = await context.db.backupPlan.groupBy({ by: ["clientId", "state"], where: { clientId: { in: [...clientIds] } }, _count: { _all: true } });
      const byClient = new Map(clientIds.map((id) => [id, empty()]));
      for (const group of groups) {
        const summary = group.clientId ? byClient.get(group.clientId) : undefined;
        if (summary) summary[group.state.toLowerCase() as Lowercase<BackupState>] = group._count._all;
      }
      return clientIds.map((id) => byClient.get(id)!);
    });
    summaries.set(context, loader);
  }
  return loader;
}

builder.prismaObjectField("Client", "backupSummary", (t) =>
  t.field({ type: BackupSummaryRef, description: "Its backup plans counted by state", select: { id: true }, resolve: (client, _args, context) => summaryOf(context).load(client.id) }),
);

builder.prismaObjectField("Agent", "backups", (t) =>
  t.relation("backupPlans", { description: "The machine's backup plans, by plan name", query: { orderBy: [{ planName: "asc" }, { id: "asc" }] } }),
);

addRules({ Client: { backupSummary: isAuthenticated }, Agent: { backups: isAuthenticated }, BackupSummary: { "*": isAuthenticated } });
