import type { BackupPlanKind, BackupState } from "@mspgraph/db";
import { builder } from "../../builder.js";
import { addRules } from "../../permissions.js";
import { isAuthenticated } from "../../rules/roles.js";
import { staffOnlyFieldRules } from "../../tenancy/staff-only-rules.js";
import { idOf, nodeLookup } from "../global-id.js";

export const BackupStateEnum = builder.enumType("BackupState", {
  values: {
    OK: { description: "The last run succeeded" },
    WARNING: { description: "The last run finished with warnings (an alert of WARNING severity)" },
    FAILED: { description: "The last run failed, was interrupted or closed unexpectedly" },
    MISSED: { description: "A scheduled run did not happen (overdue)" },
    RUNNING: { description: "A run is in progress" },
    UNKNOWN: { description: "The provider does not know (or reported a code we do not)" },
  } as const,
});

export const BackupPlanKindEnum = builder.enumType("BackupPlanKind", {
  values: {
    BACKUP: { description: "Backs data up" },
    RESTORE: { description: "Restores data: its failure is a failed restore, not a failed backup" },
    CONSISTENCY_CHECK: { description: "Checks the backup storage's consistency" },
  } as const,
});

export const BackupPlanRef = builder.prismaNode("BackupPlan", {
  id: { field: "id" },
  ...nodeLookup,
  description: "A backup plan on one machine and its last run, as a backups integration (MSP360) last reported it",
  fields: (t) => ({
    planName: t.exposeString("planName"),
    kind: t.expose("kind", { type: BackupPlanKindEnum, description: "What the plan does: providers list restores and consistency checks next to backups" }),
    computerName: t.exposeString("computerName", { description: "The machine's name at the provider; linked to the client's agent of that hostname, any case" }),
    companyName: t.exposeString("companyName", { description: "The provider's company; linked to a client by staff" }),
    state: t.expose("state", { type: BackupStateEnum }),
    providerStatus: t.exposeString("providerStatus", { description: "The provider's own status, e.g. \"Interrupted (5)\"" }),
    pluginId: t.exposeString("pluginId", { description: "The integration that reports it" }),
    lastStart: t.expose("lastStart", { type: "DateTime", nullable: true }),
    nextStart: t.expose("nextStart", { type: "DateTime", nullable: true }),
    errorMessage: t.string({
      nullable: true,
      description: "The provider's error text of the last run. Staff only",
      select: { errorMessage: true },
      // The rule refuses client users; their queries never read the column either.
      resolve: (plan, _args, { principal }) => (principal.kind === "client" ? null : plan.errorMessage),
    }),
    reportUrl: t.string({
      nullable: true,
      description: "The provider's report of the last run (MSP360's detailed report, opened in its console). Staff only",
      select: { reportUrl: true },
      resolve: (plan, _args, { principal }) => (principal.kind === "client" ? null : plan.reportUrl),
    }),
    filesCopied: t.exposeInt("filesCopied", { nullable: true }),
    filesFailed: t.exposeInt("filesFailed", { nullable: true }),
    bytesCopied: t.float({ nullable: true, select: { bytesCopied: true }, resolve: (plan) => (plan.bytesCopied === null ? null : Number(plan.bytesCopied)) }),
    durationSeconds: t.exposeInt("durationSeconds", { nullable: true }),
    stateChangedAt: t.expose("stateChangedAt", { type: "DateTime", description: "When the plan entered its current state (as first seen by a poll)" }),
    lastSeenAt: t.expose("lastSeenAt", { type: "DateTime", description: "When a poll last reported it" }),
    client: t.relation("client", { nullable: true, description: "Null while its company is not linked to a client" }),
    agent: t.relation("agent", { nullable: true, description: "Null while no agent of the client has its computer name" }),
    alert: t.relation("alert", { nullable: true, description: "The alert of its current failing or missed spell" }),
  }),
});

const BackupPlanFilter = builder.inputType("BackupPlanFilter", {
  fields: (t) => ({
    clientId: t.id({ required: false }),
    state: t.field({ type: BackupStateEnum, required: false }),
    kind: t.field({ type: BackupPlanKindEnum, required: false }),
    linkedToClient: t.boolean({ required: false, description: "false: only plans whose company is linked to no client (staff link them)" }),
    matchedToAgent: t.boolean({ required: false, description: "false: only plans whose computer matches no agent" }),
  }),
});

type TBackupPlanFilter = { clientId?: string | number | null; state?: BackupState | null; kind?: BackupPlanKind | null; linkedToClient?: boolean | null; matchedToAgent?: boolean | null } | null | undefined;

function backupPlanWhere(filter: TBackupPlanFilter) {
  return {
    ...(filter?.clientId ? { clientId: idOf(String(filter.clientId), "Client", "filter.clientId") } : {}),
    ...(filter?.state ? { state: filter.state } : {}),
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.linkedToClient === true ? { clientId: { not: null } } : filter?.linkedToClient === false ? { clientId: null } : {}),
    ...(filter?.matchedToAgent === true ? { agentId: { not: null } } : filter?.matchedToAgent === false ? { agentId: null } : {}),
  };
}

builder.queryField("backupPlans", (t) =>
  t.prismaConnection({
    type: "BackupPlan",
    cursor: "id",
    description: "Backup plans in the caller's reach, by computer and plan name",
    args: { filter: t.arg({ type: BackupPlanFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) =>
      db.backupPlan.findMany({ ...query, where: backupPlanWhere(filter), orderBy: [{ computerName: "asc" }, { planName: "asc" }, { id: "asc" }] }),
    totalCount: (_root, { filter }, { db }) => db.backupPlan.count({ where: backupPlanWhere(filter) }),
  }),
);

addRules({ Query: { backupPlans: isAuthenticated }, BackupPlan: { "*": isAuthenticated, ...staffOnlyFieldRules("BackupPlan") } });
