import { randomUUID } from "node:crypto";
import type { Alert, Prisma } from "@mspgraph/db";
import type { ProviderBackupPlan } from "../capabilities/backups.js";
import type { AlertChange } from "../events.js";
import { clientAlertMessage, isAlerting, severityFor, staffAlertMessage } from "./plan-fields.js";

export type TStoredAlert = Pick<Alert, "id" | "status" | "severity" | "message" | "clientMessage" | "clientId" | "agentId">;

/** The alert writes one batch needs, gathered so they run as a few statements. */
export type TAlertWrites = {
  create: Prisma.AlertCreateManyInput[];
  update: Array<{ id: string; data: Prisma.AlertUncheckedUpdateInput }>;
  resolve: string[];
  changes: AlertChange[];
};

export const emptyAlertWrites = (): TAlertWrites => ({ create: [], update: [], resolve: [], changes: [] });

type TPlanAlertInput = {
  plan: ProviderBackupPlan;
  partnerId: string;
  pluginId: string;
  clientId: string | null;
  agentId: string | null;
  /** The alert the stored plan points at, if any. */
  current: TStoredAlert | undefined;
  writes: TAlertWrites;
};

/**
 * Decides a plan's alert for this poll and records the writes; returns the alert id the plan
 * keeps. One alert per failing spell: raised when the plan starts failing or being missed,
 * updated (severity, message) while it goes on, resolved when the plan next succeeds or leaves
 * its client. An alert staff resolved by hand stays resolved until the plan recovers.
 */
export function planAlert(input: TPlanAlertInput): string | null {
  const { plan, clientId, agentId, current, writes } = input;
  const base = { partnerId: input.partnerId, clientId: clientId ?? "" };
  let kept = current;
  if (kept && (plan.state === "OK" || kept.clientId !== clientId)) {
    if (kept.status !== "RESOLVED") {
      writes.resolve.push(kept.id);
      writes.changes.push({ change: "UPDATED", alertId: kept.id, partnerId: input.partnerId, clientId: kept.clientId });
    }
    kept = undefined;
  }
  if (!isAlerting(plan.state) || clientId === null) return kept?.id ?? null;
  const fields = { severity: severityFor(plan.state), message: staffAlertMessage(plan), clientMessage: clientAlertMessage(plan), agentId };
  if (!kept) {
    const id = randomUUID();
    writes.create.push({ id, ...base, clientId, source: input.pluginId, status: "ACTIVE", ...fields });
    writes.changes.push({ change: "RAISED", alertId: id, ...base, clientId });
    return id;
  }
  const changed = kept.severity !== fields.severity || kept.message !== fields.message || kept.clientMessage !== fields.clientMessage || kept.agentId !== agentId;
  if (changed && kept.status !== "RESOLVED") {
    writes.update.push({ id: kept.id, data: fields });
    writes.changes.push({ change: "UPDATED", alertId: kept.id, ...base, clientId });
  }
  return kept.id;
}
