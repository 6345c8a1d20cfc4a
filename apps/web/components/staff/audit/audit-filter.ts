import type { TFilterValues } from "../url-filter";

export const AUDIT_FILTER_KEYS = ["action", "actorId", "clientId", "from", "to"] as const;
export type TAuditFilterValues = TFilterValues<(typeof AUDIT_FILTER_KEYS)[number]>;

/** A datetime-local value (the browser's local time) as the API's UTC DateTime; null when unusable. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The URL's filters as AuditEventFilter: an action "auth" alone means the whole family (auth.*). */
export function auditFilterFrom(values: TAuditFilterValues) {
  const action = values.action.trim();
  const from = localToIso(values.from);
  const to = localToIso(values.to);
  return {
    ...(action ? { action: action.includes(".") || action.endsWith("*") ? action : `${action}.*` } : {}),
    ...(values.actorId.trim() ? { actorId: values.actorId.trim() } : {}),
    ...(values.clientId ? { clientId: values.clientId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** Problems with the filters, shown next to them instead of sending a request the API refuses. */
export function auditFilterProblems(values: TAuditFilterValues): Partial<Record<"from" | "to", string>> {
  const from = localToIso(values.from);
  const to = localToIso(values.to);
  if (from && to && from > to) return { to: "Must be after From" };
  return {};
}

export const AUDIT_ACTIONS = [
  { value: "", label: "Any action" },
  { value: "auth.*", label: "Sign-ins and sessions (auth.*)" },
  { value: "impersonation.*", label: "Impersonation (impersonation.*)" },
  { value: "mutation.*", label: "Changes (mutation.*)" },
] as const;
