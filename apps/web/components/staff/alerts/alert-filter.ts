import type { TFilterValues } from "../url-filter";

export const ALERT_FILTER_KEYS = ["status", "severity", "clientId"] as const;
export type TAlertFilterValues = TFilterValues<(typeof ALERT_FILTER_KEYS)[number]>;
export const ALERT_STATUSES = ["ACTIVE", "ACKNOWLEDGED", "RESOLVED"] as const;
export const ALERT_SEVERITIES = ["CRITICAL", "WARNING", "INFO"] as const;

type TStatus = (typeof ALERT_STATUSES)[number];
type TSeverity = (typeof ALERT_SEVERITIES)[number];
const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The URL's filters as the API's AlertFilter; unknown values (an old bookmark) are ignored, not sent. */
export function alertFilterFrom(values: TAlertFilterValues): { status?: TStatus; severity?: TSeverity; clientId?: string } {
  return {
    ...(oneOf(ALERT_STATUSES, values.status) ? { status: values.status } : {}),
    ...(oneOf(ALERT_SEVERITIES, values.severity) ? { severity: values.severity } : {}),
    ...(values.clientId ? { clientId: values.clientId } : {}),
  };
}

type TLiveAlert = { status: string; severity: string; client: { id: string } };

/** Whether a live alert belongs in the list as filtered (to announce it; the list refetches on every event). */
export function matchesAlertFilter(alert: TLiveAlert, filter: ReturnType<typeof alertFilterFrom>): boolean {
  if (filter.status && alert.status !== filter.status) return false;
  if (filter.severity && alert.severity !== filter.severity) return false;
  return !filter.clientId || alert.client.id === filter.clientId;
}
