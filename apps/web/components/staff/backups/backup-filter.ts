import type { TFilterValues } from "../url-filter";
import { BACKUP_STATES, type TBackupState } from "./backup-tones";

export const BACKUP_FILTER_KEYS = ["state", "clientId", "unlinked"] as const;
export type TBackupFilterValues = TFilterValues<(typeof BACKUP_FILTER_KEYS)[number]>;

/** The URL's filters as BackupPlanFilter; "unlinked" lists the plans whose company no client has yet. */
export function backupFilterFrom(values: TBackupFilterValues): { state?: TBackupState; clientId?: string; linkedToClient?: boolean } {
  const state = BACKUP_STATES.find((s) => s === values.state);
  return {
    ...(state ? { state } : {}),
    ...(values.unlinked === "true" ? { linkedToClient: false } : values.clientId ? { clientId: values.clientId } : {}),
  };
}
