import type { VariablesOf } from "../../../lib/graphql";
import type { TFilterValues } from "../url-filter";
import type { TicketsQuery } from "./ticket-list";

export const TICKET_FILTER_KEYS = ["status", "clientId", "assigneeId", "search", "open"] as const;
export type TTicketFilterValues = TFilterValues<(typeof TICKET_FILTER_KEYS)[number]>;
type TTicketFilter = NonNullable<VariablesOf<typeof TicketsQuery>["filter"]>;

export const TICKET_STATUSES = ["NEW", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "SCHEDULED", "RESOLVED", "CLOSED"] as const;
const isStatus = (value: string): value is (typeof TICKET_STATUSES)[number] => (TICKET_STATUSES as readonly string[]).includes(value);

/** The URL's filters as the API's TicketFilter; "open" only applies when no single status is chosen. */
export function ticketFilterFrom(values: TTicketFilterValues): TTicketFilter {
  const filter: TTicketFilter = {};
  if (isStatus(values.status)) filter.status = values.status;
  else if (values.open === "true") filter.open = true;
  if (values.clientId) filter.clientId = values.clientId;
  if (values.assigneeId) filter.assigneeId = values.assigneeId;
  const search = values.search.trim();
  if (search) filter.search = search.replace(/^#(?=\d+$)/, "");
  return filter;
}

/** The status select's value: a status, "open" for every unresolved one, or "" for all. */
export const statusChoice = (values: TTicketFilterValues) => (isStatus(values.status) ? values.status : values.open === "true" ? "open" : "");

/** What choosing in the status select writes to the URL. */
export const statusChange = (choice: string): Pick<TTicketFilterValues, "status" | "open"> =>
  choice === "open" ? { status: "", open: "true" } : { status: choice, open: "" };
