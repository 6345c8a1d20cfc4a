import { idFrom, sendNotFound, sendOk } from "./http-helpers.js";
import type { TRouteCall } from "./route-types.js";
import type { SyncroServerState } from "./store.js";
import type { TSyncroWireTicket } from "./wire-types.js";

const TICKETS_PER_PAGE = 25;
const COMMENTS_PER_PAGE = 10;
const MAX_COMMENTS_PER_PAGE = 100;

/** Page `page` (from 1) of `rows` and the `meta` Syncro's ticket endpoints send with it. */
function pageOf<T>(rows: readonly T[], input: { page: string | null; perPage: number }): { rows: T[]; meta: { total_pages: number; page: number } } {
  const page = Math.max(1, Number.parseInt(input.page ?? "1", 10) || 1);
  const start = (page - 1) * input.perPage;
  return { rows: rows.slice(start, start + input.perPage), meta: { total_pages: Math.max(1, Math.ceil(rows.length / input.perPage)), page } };
}

// The list is a summary: the opening comment only (`all_comments` defaults to false since March
// 2026), no line items, and the customer and contact by id and name alone.
const listed = ({ comments, line_items: _lineItems, ...ticket }: TSyncroWireTicket) => ({ ...ticket, comments: comments.slice(0, 1), user: userOf(ticket.user_id) });

const userOf = (id: number | null) => (id === null ? null : { id, email: `tech${id}@syncro.test`, full_name: `Technician ${id}`, group: "Admins", admin: false });

/** `GET /tickets/{id}`: the ticket with its customer, contact, user and line items; a long thread is cut short. */
function detailed(ticket: TSyncroWireTicket, state: SyncroServerState) {
  return {
    ...ticket,
    comments: ticket.comments.slice(0, state.embeddedComments),
    customer: state.customer(ticket.customer_id) ?? null,
    contact: ticket.contact_id === null ? null : (state.contact(ticket.contact_id) ?? null),
    user: userOf(ticket.user_id),
    ticket_timers: [],
    ticket_type: null,
  };
}

export function listTickets({ res, query, state }: TRouteCall): void {
  const customerId = query.has("customer_id") ? idFrom(query.get("customer_id")) : undefined;
  const status = query.get("status");
  const since = Date.parse(query.get("since_updated_at") ?? "");
  const matches = state.tickets
    .all()
    .filter((ticket) => customerId === undefined || ticket.customer_id === customerId)
    .filter((ticket) => !status || ticket.status === status)
    .filter((ticket) => Number.isNaN(since) || Date.parse(ticket.updated_at) >= since)
    // Newest first, as Syncro lists them.
    .sort((a, b) => b.id - a.id);
  const { rows, meta } = pageOf(matches, { page: query.get("page"), perPage: TICKETS_PER_PAGE });
  sendOk(res, { tickets: rows.map(listed), meta });
}

export function getTicket({ res, params, state }: TRouteCall): void {
  const ticket = state.ticket(idFrom(params[0]) ?? 0);
  if (!ticket) return sendNotFound(res);
  sendOk(res, { ticket: detailed(ticket, state) });
}

/** `GET /tickets/{id}/comments`: the whole thread, newest first, 10 a page unless `per_page` says otherwise. */
export function listComments({ res, params, query, state }: TRouteCall): void {
  const ticket = state.ticket(idFrom(params[0]) ?? 0);
  if (!ticket) return sendNotFound(res);
  const perPage = Math.min(MAX_COMMENTS_PER_PAGE, idFrom(query.get("per_page")) ?? COMMENTS_PER_PAGE);
  const newestFirst = [...ticket.comments].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
  const { rows, meta } = pageOf(newestFirst, { page: query.get("page"), perPage });
  sendOk(res, { comments: rows, meta: { ...meta, per_page: perPage } });
}
