import { z } from "zod";
import {
  commentWire,
  createTicketWire,
  isoTime,
  lineItemWire,
  updateTicketWire,
  type TSyncroAddCommentInput,
  type TSyncroAddLineItemInput,
  type TSyncroCreateTicketInput,
  type TSyncroListTicketsInput,
  type TSyncroTicketFilters,
  type TSyncroUpdateLineItemInput,
  type TSyncroUpdateTicketInput,
} from "./inputs.js";
import type { TSyncroHealth } from "./health.js";
import { transportFromOptions, type TSyncroClientOptions } from "./options.js";
import { ZSyncroContact, ZSyncroCustomer, ZSyncroMeta, ZSyncroTicketSettings, type TSyncroContact, type TSyncroCustomer, type TSyncroMeta, type TSyncroTicketSettings } from "./schemas.js";
import { ZSyncroComment, ZSyncroLineItem, ZSyncroTicket, type TSyncroComment, type TSyncroLineItem, type TSyncroTicket } from "./ticket-schemas.js";
import { callSyncro, type TSyncroRequest, type TSyncroTransport } from "./transport.js";
import { ME_REQUEST, type TSyncroMe } from "./unauthorized.js";

export type TSyncroTicketPage = { tickets: TSyncroTicket[]; meta: TSyncroMeta };
export type TSyncroCustomerPage = { customers: TSyncroCustomer[]; meta: TSyncroMeta };
export type TSyncroContactPage = { contacts: TSyncroContact[]; meta: TSyncroMeta };
export type TSyncroCommentPage = { comments: TSyncroComment[]; meta: TSyncroMeta };
/** Reported by `allTickets` after each page arrives: "page 2 of 3". */
export type TSyncroPageProgress = { page: number; totalPages: number; totalEntries: number | null; ticketsOnPage: number };

const ZTicketPage = z.object({ tickets: z.array(ZSyncroTicket), meta: ZSyncroMeta });
const ZCustomerPage = z.object({ customers: z.array(ZSyncroCustomer), meta: ZSyncroMeta });
const ZContactPage = z.object({ contacts: z.array(ZSyncroContact), meta: ZSyncroMeta });
const ZCommentPage = z.object({ comments: z.array(ZSyncroComment), meta: ZSyncroMeta });
// Syncro's default is 10 a page; a long thread costs fewer calls in pages of 100.
const COMMENTS_PER_PAGE = 100;
const ZTicketAnswer = z.object({ ticket: ZSyncroTicket }).transform((body) => body.ticket);
const ZCustomerAnswer = z.object({ customer: ZSyncroCustomer }).transform((body) => body.customer);
const ZCommentAnswer = z.object({ comment: ZSyncroComment }).transform((body) => body.comment);
// add_line_item answers the bare line item, update_line_item wraps it in `ticket_line_item`.
const ZLineItemAnswer = z.union([z.object({ ticket_line_item: ZSyncroLineItem }).transform((body) => body.ticket_line_item), ZSyncroLineItem]);

/**
 * One Syncro account connection: typed calls to Syncro's REST API.
 * @remarks Knows nothing about storage. Every call goes through the rate limiter it is given
 * (Syncro counts per IP address, so the plugin shares one across connections and processes), failures are `SyncroApiError`s whose messages can be shown to an MSP admin, and
 * the outcome of each call feeds `health`.
 */
export class SyncroClient {
  private readonly transport: TSyncroTransport;

  constructor(options: TSyncroClientOptions) {
    this.transport = transportFromOptions(options);
  }

  /** The connection's current health; `onHealthChange` hears about every change. */
  get health(): TSyncroHealth {
    return this.transport.health.health;
  }

  /**
   * Checks the token with Syncro's cheapest authenticated call (`GET /me`), which needs no
   * permission, so a token with few permissions still passes.
   * @remarks Meant for connect time: rejects with `unauthorized` for a bad token and
   * `unreachable` for a wrong subdomain.
   */
  async verify(): Promise<TSyncroMe> {
    return this.me();
  }

  /** The token's user and its permissions (`GET /me`). */
  async me(): Promise<TSyncroMe> {
    return this.call(ME_REQUEST);
  }

  /**
   * The account's ticket statuses, problem types, ticket types, users and whether a new ticket
   * needs a ticket type (`GET /tickets/settings`).
   * @remarks Accounts rename and add statuses, so write-through should offer these rather
   * than a fixed list.
   */
  async ticketSettings(): Promise<TSyncroTicketSettings> {
    return this.call({ method: "GET", path: "/tickets/settings", schema: ZSyncroTicketSettings });
  }

  /**
   * One page of customers (`GET /customers`), 25 a page.
   * @param input `query` searches names and emails; `page` starts at 1.
   */
  async listCustomers(input: { query?: string; page?: number } = {}): Promise<TSyncroCustomerPage> {
    return this.call({ method: "GET", path: "/customers", query: { query: input.query, page: pageOf(input.page) }, schema: ZCustomerPage });
  }

  /**
   * One customer (`GET /customers/{id}`); tickets often carry only the id.
   * @param id The Syncro customer id.
   * @remarks Rejects with `not_found` when there is no such customer.
   */
  async getCustomer(id: number): Promise<TSyncroCustomer> {
    return this.call({ method: "GET", path: `/customers/${idOf(id)}`, schema: ZCustomerAnswer });
  }

  /**
   * One page of contacts (`GET /contacts`), optionally of one customer.
   * @param input `customerId` narrows to one customer; `page` starts at 1.
   */
  async listContacts(input: { customerId?: number; page?: number } = {}): Promise<TSyncroContactPage> {
    const customerId = input.customerId === undefined ? undefined : idOf(input.customerId);
    return this.call({ method: "GET", path: "/contacts", query: { customer_id: customerId, page: pageOf(input.page) }, schema: ZContactPage });
  }

  /**
   * One page of tickets (`GET /tickets`), 25 a page, with Syncro's paging `meta`.
   * @param input Filters, and `page` (from 1).
   * @remarks `sinceUpdatedAt` is inclusive, so an incremental sync sees the ticket at its
   * last checkpoint again; upsert rather than insert.
   */
  async listTickets(input: TSyncroListTicketsInput = {}): Promise<TSyncroTicketPage> {
    const query = {
      since_updated_at: isoTime(input.sinceUpdatedAt),
      customer_id: input.customerId === undefined ? undefined : idOf(input.customerId),
      status: input.status,
      page: pageOf(input.page),
    };
    return this.call({ method: "GET", path: "/tickets", query, schema: ZTicketPage });
  }

  /**
   * Every ticket matching `filters`, walking the pages in order.
   * @param filters As for `listTickets`, without `page`.
   * @param onPage Hears "page N of total" as each page arrives, before its tickets are yielded.
   * @remarks Pages are fetched one at a time as the loop asks for more, so breaking out early
   * saves the remaining calls. The total is re-read on every page, since tickets created
   * during the walk can add one.
   */
  async *allTickets(filters: TSyncroTicketFilters = {}, onPage?: (progress: TSyncroPageProgress) => void): AsyncGenerator<TSyncroTicket, void> {
    for (let page = 1; ; page++) {
      const { tickets, meta } = await this.listTickets({ ...filters, page });
      onPage?.({ page, totalPages: meta.totalPages, totalEntries: meta.totalEntries, ticketsOnPage: tickets.length });
      yield* tickets;
      if (page >= meta.totalPages || tickets.length === 0) return;
    }
  }

  /**
   * One ticket with its comments and line items (`GET /tickets/{id}`).
   * @param id The Syncro ticket id (not its number).
   */
  async getTicket(id: number): Promise<TSyncroTicket> {
    return this.call({ method: "GET", path: `/tickets/${idOf(id)}`, schema: ZTicketAnswer });
  }

  /**
   * One page of a ticket's comments (`GET /tickets/{id}/comments`), newest first.
   * @param ticketId The Syncro ticket id.
   * @param input `page` from 1; `perPage` (Syncro's default is 10).
   */
  async listTicketComments(ticketId: number, input: { page?: number; perPage?: number } = {}): Promise<TSyncroCommentPage> {
    const query = { page: pageOf(input.page), per_page: pageOf(input.perPage) };
    return this.call({ method: "GET", path: `/tickets/${idOf(ticketId)}/comments`, query, schema: ZCommentPage });
  }

  /**
   * A ticket's whole comment thread, oldest first, paged from `GET /tickets/{id}/comments`.
   * @remarks `getTicket` embeds the comments too, but cuts long threads short.
   */
  async ticketComments(ticketId: number): Promise<TSyncroComment[]> {
    const byId = new Map<number, TSyncroComment>();
    for (let page = 1; ; page++) {
      const { comments, meta } = await this.listTicketComments(ticketId, { page, perPage: COMMENTS_PER_PAGE });
      // A comment added while paging shifts the rest by one: the id keeps each once.
      for (const comment of comments) byId.set(comment.id, comment);
      if (page >= meta.totalPages || comments.length === 0) break;
    }
    return [...byId.values()].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) || a.id - b.id);
  }

  /**
   * Opens a ticket (`POST /tickets`), optionally with a first comment.
   * @param input The customer, subject and optional problem type, status, contact, comment.
   * @remarks Never retried after a timeout or 5xx (see `callSyncro`): such an error means
   * the ticket may exist, and the caller should look before creating it again.
   */
  async createTicket(input: TSyncroCreateTicketInput): Promise<TSyncroTicket> {
    idOf(input.customerId);
    return this.call({ method: "POST", path: "/tickets", body: createTicketWire(input), schema: ZTicketAnswer });
  }

  /**
   * Changes a ticket's status, subject or assigned technician (`PUT /tickets/{id}`).
   * @param id The Syncro ticket id.
   * @param input Only the fields given are sent.
   */
  async updateTicket(id: number, input: TSyncroUpdateTicketInput): Promise<TSyncroTicket> {
    return this.call({ method: "PUT", path: `/tickets/${idOf(id)}`, body: updateTicketWire(input), schema: ZTicketAnswer });
  }

  /**
   * Adds a comment or private note (`POST /tickets/{id}/comment`).
   * @param ticketId The Syncro ticket id.
   * @param input `hidden: true` for a private note; `tech` names the author as shown in Syncro.
   * @remarks Not retried after a timeout or 5xx, so a comment is never posted twice.
   */
  async addComment(ticketId: number, input: TSyncroAddCommentInput): Promise<TSyncroComment> {
    return this.call({ method: "POST", path: `/tickets/${idOf(ticketId)}/comment`, body: commentWire(input), schema: ZCommentAnswer });
  }

  /**
   * Bills something on a ticket (`POST /tickets/{id}/add_line_item`).
   * @param ticketId The Syncro ticket id.
   * @param input Name, quantity and prices; product, description and taxability are optional
   * (the name is sent as the description when there is none: Syncro requires one).
   * @remarks Not retried after a timeout or 5xx, so a line is never billed twice.
   */
  async addLineItem(ticketId: number, input: TSyncroAddLineItemInput): Promise<TSyncroLineItem> {
    return this.call({ method: "POST", path: `/tickets/${idOf(ticketId)}/add_line_item`, body: lineItemWire(input), schema: ZLineItemAnswer });
  }

  /**
   * Changes a line item (`PUT /tickets/{id}/update_line_item`); Syncro takes only PUT here.
   * @param input Only the fields given are sent.
   */
  async updateLineItem(ticketId: number, lineItemId: number, input: TSyncroUpdateLineItemInput): Promise<TSyncroLineItem> {
    const body = { ticket_line_item_id: idOf(lineItemId), ...lineItemWire(input) };
    return this.call({ method: "PUT", path: `/tickets/${idOf(ticketId)}/update_line_item`, body, schema: ZLineItemAnswer });
  }

  /**
   * Removes a line item from a ticket (`POST /tickets/{id}/remove_line_item`).
   * @param ticketId The Syncro ticket id.
   * @param lineItemId The line item's id, from `getTicket(...).lineItems`.
   */
  async removeLineItem(ticketId: number, lineItemId: number): Promise<void> {
    const body = { ticket_line_item_id: idOf(lineItemId) };
    await this.call({ method: "POST", path: `/tickets/${idOf(ticketId)}/remove_line_item`, body, schema: z.unknown() });
  }

  private call<T>(request: TSyncroRequest<T>): Promise<T> {
    return callSyncro(this.transport, request);
  }
}

// Checked before calling, so a bad id never turns into a request for another path.
function idOf(id: number): number {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`Not a Syncro id: ${id}`);
  return id;
}

function pageOf(page: number | undefined): number | undefined {
  if (page !== undefined && (!Number.isSafeInteger(page) || page < 1)) throw new RangeError(`page must be a whole number >= 1, not ${page}`);
  return page;
}
