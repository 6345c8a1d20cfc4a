import { commentFromBody } from "./comment-body.js";
import { idFrom, numberFrom, sendInvalid, sendJson, sendNotFound, sendOk, textFrom } from "./http-helpers.js";
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

// An account with require_ticket_type refuses a ticket without one; an unknown one always.
function ticketTypeErrors(state: SyncroServerState, raw: unknown): string[] {
  if (raw === undefined || raw === null) return state.requireTicketType ? ["Ticket type can't be blank"] : [];
  const id = idFrom(raw);
  return state.ticketTypes.some((type) => type.id === id) ? [] : ["Ticket type must exist"];
}

function createTicket({ res, body, state }: TRouteCall): void {
  const customerId = idFrom(body?.customer_id);
  const subject = textFrom(body?.subject)?.trim();
  const status = textFrom(body?.status);
  const errors: string[] = [];
  if (customerId === undefined || !state.customer(customerId)) errors.push("Customer must exist");
  if (!subject) errors.push("Subject can't be blank");
  if (unknownStatus(state, status)) errors.push(`Status ${status} is not a ticket status of this account`);
  errors.push(...ticketTypeErrors(state, body?.ticket_type_id));
  const first = (Array.isArray(body?.comments_attributes) ? (body.comments_attributes as unknown[]) : []).map((raw) => commentFromBody(raw, state.apiUserId));
  for (const parsed of first) if ("errors" in parsed) errors.push(...parsed.errors.map((message) => `Comments ${message.toLowerCase()}`));
  if (customerId === undefined || !subject || errors.length > 0) return sendInvalid(res, errors);
  const ticket = state.tickets.add({
    customerId,
    subject,
    ...(status ? { status } : {}),
    problemType: textFrom(body?.problem_type) ?? null,
    ticketTypeId: idFrom(body?.ticket_type_id) ?? null,
    contactId: idFrom(body?.contact_id) ?? null,
    userId: state.apiUserId,
  });
  for (const parsed of first) if ("comment" in parsed) state.tickets.addComment(ticket.id, parsed.comment);
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
    const parsed = commentFromBody(call.body, call.state.apiUserId);
    if ("errors" in parsed) return sendInvalid(call.res, parsed.errors);
    sendOk(call.res, { comment: call.state.tickets.addComment(ticket.id, parsed.comment) });
  });
}

// Syncro wants a name and a description on every line item, even one that names a product.
function lineItemErrors(body: TRouteCall["body"], partial: boolean): string[] {
  const blank = (field: string) => (partial && body?.[field] === undefined ? false : !textFrom(body?.[field])?.trim());
  return [...(blank("name") ? ["Name can't be blank"] : []), ...(blank("description") ? ["Description can't be blank"] : [])];
}

function lineItemFields(body: TRouteCall["body"]) {
  return {
    name: textFrom(body?.name)?.trim() ?? "",
    productId: idFrom(body?.product_id) ?? null,
    description: textFrom(body?.description) ?? null,
    quantity: numberFrom(body?.quantity) ?? 1,
    priceCost: numberFrom(body?.price_cost) ?? 0,
    priceRetail: numberFrom(body?.price_retail) ?? 0,
    taxable: body?.taxable === true,
  };
}

function addLineItem(call: TRouteCall): void {
  withTicket(call, (ticket) => {
    const errors = lineItemErrors(call.body, false);
    if (errors.length > 0) return sendJson(call.res, { status: 422, body: { errors: errors.join(", "), params: {} } });
    // The answer is the bare line item, with no wrapper.
    sendOk(call.res, call.state.tickets.addLineItem(ticket.id, lineItemFields(call.body)));
  });
}

function updateLineItem(call: TRouteCall): void {
  withTicket(call, (ticket) => {
    const errors = lineItemErrors(call.body, true);
    if (errors.length > 0) return sendJson(call.res, { status: 422, body: { errors: errors.join(", "), params: {} } });
    const fields = lineItemFields(call.body);
    const given = (key: string) => call.body?.[key] !== undefined;
    const changes = Object.fromEntries(
      Object.entries({ name: "name", productId: "product_id", description: "description", quantity: "quantity", priceCost: "price_cost", priceRetail: "price_retail", taxable: "taxable" })
        .filter(([, wire]) => given(wire))
        .map(([key]) => [key, fields[key as keyof typeof fields]]),
    );
    const item = call.state.tickets.updateLineItem(ticket.id, idFrom(call.body?.ticket_line_item_id) ?? 0, changes);
    if (!item) return sendNotFound(call.res);
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
  { method: "GET", pattern: /^\/tickets\/([^/]+)\/?$/, handle: getTicket },
  { method: "GET", pattern: /^\/tickets\/([^/]+)\/comments\/?$/, handle: listComments },
  { method: "POST", pattern: /^\/tickets\/?$/, handle: createTicket },
  { method: "PUT", pattern: /^\/tickets\/([^/]+)\/?$/, handle: updateTicket },
  { method: "POST", pattern: /^\/tickets\/([^/]+)\/comment\/?$/, handle: addComment },
  { method: "POST", pattern: /^\/tickets\/([^/]+)\/add_line_item\/?$/, handle: addLineItem },
  { method: "POST", pattern: /^\/tickets\/([^/]+)\/remove_line_item\/?$/, handle: removeLineItem },
  // Only PUT: a POST here is a 404, as in Syncro.
  { method: "PUT", pattern: /^\/tickets\/([^/]+)\/update_line_item\/?$/, handle: updateLineItem },
];
