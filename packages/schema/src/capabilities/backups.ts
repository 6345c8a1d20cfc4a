import type { PluginContext } from "../integrations/plugin-context.js";

/** The core's backup states; a provider maps its own codes onto them. */
export type BackupState = "OK" | "WARNING" | "FAILED" | "MISSED" | "RUNNING" | "UNKNOWN";

/** What a plan does: providers list restores and consistency checks next to backups. */
export type BackupPlanKind = "BACKUP" | "RESTORE" | "CONSISTENCY_CHECK";

/** One backup plan on one machine and its last run, as the provider reports it. */
export type ProviderBackupPlan = {
  /** Stable per connection: the provider's own plan id, kept across a rename. */
  externalId: string;
  /**
   * Ids an earlier version of the plugin stored this plan under: a stored plan found under one
   * of them (and not under `externalId`) is moved onto `externalId`, keeping its alert.
   */
  formerExternalIds?: string[];
  planName: string;
  kind: BackupPlanKind;
  computerName: string;
  companyName: string;
  state: BackupState;
  /** The provider's own status code or name, kept for staff. */
  providerStatus: string;
  lastStart: Date | null;
  nextStart: Date | null;
  /** The provider's error text; shown to staff only. */
  errorMessage: string | null;
  /** A link to the provider's report of the last run; shown to staff only. */
  reportUrl: string | null;
  /**
   * The provider's one line for an alert while the plan is WARNING, FAILED or MISSED, naming the
   * machine, the plan and the error; null lets the core write it. Shown to staff only.
   */
  alertMessage: string | null;
  filesCopied: number | null;
  filesFailed: number | null;
  bytesCopied: number | null;
  durationSeconds: number | null;
};

/**
 * The backups capability: a plugin that reports backup plans and their last runs.
 * @remarks `listPlans` yields plans in batches so a large account is never held in memory at
 * once; the core (`syncBackupPlans`, which the plugin's poll calls) stores each batch, linking
 * plans to clients through `clientIdForCompany` and to that client's agents by computer name
 * (any case), and raises one alert per FAILED, MISSED or WARNING plan, resolved when the plan next
 * succeeds. A plan missing from a complete pass is removed (its alert resolved); a pass that
 * throws removes nothing.
 */
export type BackupProvider = {
  /** Every plan the connection can see, in batches. */
  listPlans(context: PluginContext): AsyncIterable<ProviderBackupPlan[]>;
  /**
   * The local client a provider company is linked to, or null when it is not linked.
   * @remarks Asked once per company name per pass.
   */
  clientIdForCompany(context: PluginContext, companyName: string): Promise<string | null>;
};
