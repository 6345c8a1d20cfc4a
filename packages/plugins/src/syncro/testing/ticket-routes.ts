import { commentFromBody } from "./comment-body.js";
import { idFrom, numberFrom, sendInvalid, sendNotFound, sendOk, textFrom } from "./http-helpers.js";
import type { TRoute, TRouteCall } from "./route-types.js";
import type { SyncroServerState } from "./store.js";
import { getTicket, listComments, listTickets } from "./ticket-read-routes.js";
import type { TSyncroWireTicket } from "./wire-types.js";

/** Runs `act` on the ticket named in the path, or answers 404. */
function withTicket(call: TRouteCall, act: (ticket: TSyncroWireTicket) => void): void {
  const ticket = call.state.ticket(idFrom(call.params[0]) ?? 0);
  if (!ticket) return sendNotFound(call.res);
  act(ticket);
}

const unknownStatus = (state: SyncroServerState, status: string | undefined) => status !== undefined && !state.statuses.includes(status);

function createTicket({ res, body, state }: TRouteCall): void {
  const customerId = idFrom(body?.customer_id);
  const subject = textFrom(body?.subject)?.trim();
  const status = textFrom(body?.status);
  const errors: string[] = [];
  if (customerId === undefined || !state.customer(customerId)) errors.push("Customer must exist");
  if (!subject) errors.push("Subject can't be blank");
  if (unknownStatus(state, status)) errors.push(`Status ${status} is not a ticket status of this account`);
  if (customerId === undefined || !subject || errors.length > 0) return sendInvalid(res, errors);
  const ticket = state.tickets.add({
    customerId,
    subject,
    ...(status ? { status } : {}),
    problemType: textFrom(body?.problem_type) ?? null,
    contactId: idFrom(body?.contact_id) ?? null,
    userId: state.apiUserId,
  });
  const first = Array.isArray(body?.comments_attributes) ? (body.comments_attributes as unknown[]) : [];
  for (const raw of first) {
    const comment = commentFromBody(raw, state.apiUserId);
    if (comment) state.tickets.addComment(ticket.id, comment);
  }
  sendOk(res, { ticket });
}

function updateTicket(call: TRouteCall): void {
  withTicket(call, (ticket) => {
    const status = textFrom(call.body?.status);
    if (unknownStatus(call.state, status)) return sendInvalid(call.res, [`Status ${status} is not a ticket status of this account`]);
    const subject = textFrom(call.body?.subject);
    const userId = call.body?.user_id === undefined ? undefined : (idFrom(call.body.user_id) ?? null);
    const updated = call.state.tickets.update(ticket.id, {
      ...(status === undefined ? {} : { status }),
      ...(subject === undefined ? {} : { subject }),
      ...(userId === undefined ? {} : { userId }),
    });
    sendOk(call.res, { ticket: updated });
  });
}

function addComment(call: TRouteCall): void {
  withTicket(call, (ticket) => {
    const comment = commentFromBody(call.body, call.state.apiUserId);
    if (!comment) return sendInvalid(call.res, ["Body can't be blank"]);
    sendOk(call.res, { comment: call.state.tickets.addComment(ticket.id, comment) });
  });
}

function addLineItem(call: TRouteCall): void {
  withTicket(call, (ticket) => {
    const { body } = call;
    const name = textFrom(body?.name)?.trim();
    if (!name) return sendInvalid(call.res, ["Name can't be blank"]);
    const item = call.state.tickets.addLineItem(ticket.id, {
      name,
      productId: idFrom(body?.product_id) ?? null,
      description: textFrom(body?.description) ?? null,
      quantity: numberFrom(body?.quantity) ?? 1,
      priceCost: numberFrom(body?.price_cost) ?? 0,
      priceRetail: numberFrom(body?.price_retail) ?? 0,
      taxable: body?.taxable === true,
    });
    sendOk(call.res, { ticket_line_item: item });
  });
}

function removeLineItem(call: TRouteCall): void {
  withTicket(call, (ticket) => {
    const removed = call.state.tickets.removeLineItem(ticket.id, idFrom(call.body?.ticket_line_item_id) ?? 0);
    if (!removed) return sendNotFound(call.res);
    sendOk(call.res, { ticket: call.state.ticket(ticket.id) });
  });
}

export const ticketRoutes: TRoute[] = [
  { method: "GET", pattern: /^\/tickets\/?$/, handle: listTickets },
  {
    method: "GET",
    pattern: /^\/tickets\/settings\/?$/,
    handle: ({ res, state }) => sendOk(res, { ticket_status_list: state.statuses, problem_types: state.problemTypes }),
  },
  { method: "GET", pattern: /^\/tickets\/([^/]+)\/?$/, handle: getTicket },
  { method: "GET", pattern: /^\/tickets\/([^/]+)\/comments\/?$/, handle: listComments },
  { method: "POST", pattern: /^\/tickets\/?$/, handle: createTicket },
  { method: "PUT", pattern: /^\/tickets\/([^/]+)\/?$/, handle: updateTicket },
  { method: "POST", pattern: /^\/tickets\/([^/]+)\/comment\/?$/, handle: addComment },
  { method: "POST", pattern: /^\/tickets\/([^/]+)\/add_line_item\/?$/, handle: addLineItem },
  { method: "POST", pattern: /^\/tickets\/([^/]+)\/remove_line_item\/?$/, handle: removeLineItem },
];
