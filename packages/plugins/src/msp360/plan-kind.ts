import type { BackupPlanKind } from "@mspgraph/schema";

// MSP360's PlanType 0..17: the even types from 2 to 12 and 15, 17 restore, 13 checks the
// backup storage's consistency; the rest back up (files, images, databases, VMs, mailboxes).
const RESTORE_TYPES = new Set([2, 4, 6, 8, 10, 12, 15, 17]);
const CONSISTENCY_CHECK_TYPE = 13;

/**
 * What a monitoring row's plan does.
 * @param planType MSP360's `PlanType`; a missing or unknown type counts as a backup, the
 * kind monitoring was made for.
 */
export function planKindOf(planType: number | null): BackupPlanKind {
  if (planType === null) return "BACKUP";
  if (RESTORE_TYPES.has(planType)) return "RESTORE";
  return planType === CONSISTENCY_CHECK_TYPE ? "CONSISTENCY_CHECK" : "BACKUP";
}
