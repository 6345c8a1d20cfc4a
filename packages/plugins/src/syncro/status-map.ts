import type { ProviderTicketPriority, ProviderTicketStatus } from "@mspgraph/schema";

// Syncro's default statuses (its API documentation's ticket statuses) and the core status each one means.
const FROM_SYNCRO: Record<string, ProviderTicketStatus> = {
  new: "NEW",
  "in progress": "IN_PROGRESS",
  resolved: "RESOLVED",
  invoiced: "CLOSED",
  "waiting for parts": "WAITING_ON_CUSTOMER",
  "waiting on customer": "WAITING_ON_CUSTOMER",
  scheduled: "SCHEDULED",
  "customer reply": "IN_PROGRESS",
};

// The Syncro status a core status is written as. Syncro has no "Closed": a closed ticket is Resolved there.
export const TO_SYNCRO: Record<ProviderTicketStatus, string> = {
  NEW: "New",
  IN_PROGRESS: "In Progress",
  WAITING_ON_CUSTOMER: "Waiting on Customer",
  SCHEDULED: "Scheduled",
  RESOLVED: "Resolved",
  CLOSED: "Resolved",
};

/**
 * The core status of a Syncro status, and the Syncro name to show when it is not the core
 * status's own (a custom status, or a default like "Waiting for Parts").
 */
export function statusFromSyncro(status: string | null): { status: ProviderTicketStatus; statusLabel: string | null } {
  const text = (status ?? "").trim();
  const mapped = FROM_SYNCRO[text.toLowerCase()];
  if (!mapped) return { status: "IN_PROGRESS", statusLabel: text || null };
  return { status: mapped, statusLabel: TO_SYNCRO[mapped].toLowerCase() === text.toLowerCase() ? null : text };
}

/** Syncro's priorities are free text like "1 High" or "Urgent"; anything else is NORMAL. */
export function priorityFromSyncro(priority: string | null): ProviderTicketPriority {
  const text = (priority ?? "").toLowerCase();
  if (text.includes("urgent") || text.includes("emergency")) return "URGENT";
  if (text.includes("high")) return "HIGH";
  if (text.includes("low")) return "LOW";
  return "NORMAL";
}
