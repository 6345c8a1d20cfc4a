import { randomUUID } from "node:crypto";
import type { BackupPlan, Prisma, PrismaClient } from "@mspgraph/db";
import type { BackupProvider, ProviderBackupPlan } from "../capabilities/backups.js";
import type { PluginContext } from "../integrations/plugin-context.js";
import { type TPlanTransition, recordBackupEvents } from "./backup-events.js";
import { type TAlertWrites, type TStoredAlert, emptyAlertWrites, planAlert } from "./plan-alerts.js";
import { planChanged, planColumns } from "./plan-fields.js";
import { removeUnseenPlans } from "./remove-unseen.js";

/** What one pass over a provider's plans did. */
export type BackupSyncSummary = {
  plans: number;
  created: number;
  updated: number;
  removed: number;
  alertsRaised: number;
  alertsResolved: number;
  /** Plans whose company is linked to no client (listed for staff to link). */
  unlinked: number;
  /** Plans of a linked client whose computer matches none of its agents. */
  unmatched: number;
};

type TPass = { context: PluginContext; provider: BackupProvider; startedAt: Date; companies: Map<string, string | null>; summary: BackupSyncSummary };

/**
 * Runs a backups provider for one connection: stores every batch `listPlans` yields as it
 * comes, raises and resolves alerts (with their domain events, and backup.failed or
 * backup.recovered as a plan's state turns), publishes them to `alertChanged`, and after a complete
 * pass removes the plans the provider no longer reports.
 * @param context the connection's plugin context (the partner's scoped client and event bus)
 * @remarks Memory is bounded by one batch (and one client id per company name); each batch is
 * written in one transaction, so a failed pass leaves earlier batches whole and removes nothing.
 */
export async function syncBackupPlans(context: PluginContext, provider: BackupProvider, options: { now?: Date } = {}): Promise<BackupSyncSummary> {
  const pass: TPass = {
    context,
    provider,
    startedAt: options.now ?? new Date(),
    companies: new Map(),
    summary: { plans: 0, created: 0, updated: 0, removed: 0, alertsRaised: 0, alertsResolved: 0, unlinked: 0, unmatched: 0 },
  };
  for await (const batch of provider.listPlans(context)) {
    if (batch.length > 0) await storeBatch(pass, batch);
  }
  await removeUnseenPlans(context, pass.startedAt, pass.summary);
  context.logger.info(pass.summary, "backup plans synced");
  return pass.summary;
}

async function storeBatch(pass: TPass, batch: ProviderBackupPlan[]): Promise<void> {
  const { context, summary } = pass;
  // A repeated plan in one batch counts once: its last row wins.
  const plans = [...new Map(batch.map((plan) => [plan.externalId, plan])).values()];
  for (const plan of plans) {
    if (!pass.companies.has(plan.companyName)) pass.companies.set(plan.companyName, await pass.provider.clientIdForCompany(context, plan.companyName));
  }
  const agents = await agentsFor(context.prisma, plans.map((plan) => ({ clientId: pass.companies.get(plan.companyName) ?? null, computerName: plan.computerName })));
  const writes = emptyAlertWrites();
  await context.prisma.$transaction(async (tx) => {
    const db = tx as PrismaClient;
    const { id: connectionId, partnerId, pluginId } = context.connection;
    const wanted = [...plans.map((plan) => plan.externalId), ...plans.flatMap((plan) => plan.formerExternalIds ?? [])];
    const stored = new Map((await db.backupPlan.findMany({ where: { connectionId, externalId: { in: wanted } } })).map((row) => [row.externalId, row]));
    await adoptFormerRows(db, plans, stored);
    const alertIds = [...stored.values()].flatMap((row) => (row.alertId ? [row.alertId] : []));
    const alerts = new Map<string, TStoredAlert>(
      alertIds.length === 0 ? [] : (await db.alert.findMany({ where: { id: { in: alertIds } }, select: { id: true, status: true, severity: true, message: true, clientMessage: true, clientId: true, agentId: true } })).map((alert) => [alert.id, alert]),
    );
    const creates: Prisma.BackupPlanCreateManyInput[] = [];
    const updates: Array<{ row: BackupPlan; data: Prisma.BackupPlanUncheckedUpdateInput }> = [];
    const touched: string[] = [];
    const transitions: TPlanTransition[] = [];
    for (const plan of plans) {
      const clientId = pass.companies.get(plan.companyName) ?? null;
      const agentId = clientId ? (agents.get(agentKey(clientId, plan.computerName)) ?? null) : null;
      if (!clientId) summary.unlinked++;
      else if (!agentId) summary.unmatched++;
      const row = stored.get(plan.externalId);
      const current = row?.alertId ? alerts.get(row.alertId) : undefined;
      const alertId = planAlert({ plan, partnerId, pluginId, clientId, agentId, current, writes });
      const columns = { ...planColumns(plan), clientId, agentId, alertId };
      const id = row?.id ?? randomUUID();
      transitions.push({ before: row?.state, previousAlertId: row?.alertId, plan: { ...columns, id, pluginId } });
      if (!row) creates.push({ ...columns, id, partnerId, connectionId, pluginId, externalId: plan.externalId, lastSeenAt: pass.startedAt, stateChangedAt: pass.startedAt });
      else if (planChanged(row, columns)) updates.push({ row, data: { ...columns, lastSeenAt: pass.startedAt, ...(row.state === plan.state ? {} : { stateChangedAt: pass.startedAt }) } });
      else touched.push(row.id);
    }
    await writeAlerts(db, writes, pass.startedAt);
    await recordBackupEvents(tx, { partnerId, pluginId, writes, plans: transitions });
    if (creates.length > 0) await db.backupPlan.createMany({ data: creates });
    for (const { row, data } of updates) await db.backupPlan.update({ where: { id: row.id }, data });
    if (touched.length > 0) await db.backupPlan.updateMany({ where: { id: { in: touched } }, data: { lastSeenAt: pass.startedAt } });
    summary.created += creates.length;
    summary.updated += updates.length;
  });
  summary.plans += plans.length;
  summary.alertsRaised += writes.create.length;
  summary.alertsResolved += writes.resolve.length;
  // Only once the batch is committed, so a subscriber never reads an alert that is not there.
  for (const change of writes.changes) context.events.publish("alertChanged", change);
}

/**
 * Moves rows stored under a plan's former id onto its id (an upgrade changed how the provider's
 * plans are keyed), so the plan keeps its history and its open alert instead of starting over.
 * A former id shared by several plans goes to the first of them; the others start afresh.
 */
async function adoptFormerRows(db: PrismaClient, plans: ProviderBackupPlan[], stored: Map<string, BackupPlan>): Promise<void> {
  const current = new Set(plans.map((plan) => plan.externalId));
  for (const plan of plans) {
    if (stored.has(plan.externalId)) continue;
    const former = plan.formerExternalIds?.find((id) => !current.has(id) && stored.has(id));
    const row = former === undefined ? undefined : stored.get(former);
    if (!former || !row) continue;
    stored.delete(former);
    stored.set(plan.externalId, await db.backupPlan.update({ where: { id: row.id }, data: { externalId: plan.externalId } }));
  }
}

async function writeAlerts(db: PrismaClient, writes: TAlertWrites, at: Date): Promise<void> {
  if (writes.resolve.length > 0) await db.alert.updateMany({ where: { id: { in: writes.resolve } }, data: { status: "RESOLVED", resolvedAt: at } });
  if (writes.create.length > 0) await db.alert.createMany({ data: writes.create });
  for (const { id, data } of writes.update) await db.alert.update({ where: { id }, data });
}

const agentKey = (clientId: string, hostname: string) => `${clientId}/${hostname.toLowerCase()}`;

/** The agents whose hostname (any case) is a plan's computer name within the plan's client. */
async function agentsFor(prisma: PrismaClient, wanted: Array<{ clientId: string | null; computerName: string }>): Promise<Map<string, string>> {
  const byClient = new Map<string, Set<string>>();
  for (const { clientId, computerName } of wanted) if (clientId && computerName) (byClient.get(clientId) ?? byClient.set(clientId, new Set()).get(clientId)!).add(computerName);
  if (byClient.size === 0) return new Map();
  const agents = await prisma.agent.findMany({
    where: { OR: [...byClient].map(([clientId, names]) => ({ clientId, hostname: { in: [...names], mode: "insensitive" as const } })) },
    select: { id: true, clientId: true, hostname: true },
    orderBy: { id: "asc" },
  });
  const found = new Map<string, string>();
  for (const agent of agents) if (!found.has(agentKey(agent.clientId, agent.hostname))) found.set(agentKey(agent.clientId, agent.hostname), agent.id);
  return found;
}
