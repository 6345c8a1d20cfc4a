import type { TSyncroWireComment, TSyncroWireLineItem, TSyncroWireTicket } from "./wire-types.js";

export type TSeedTicket = {
  customerId: number;
  subject?: string;
  status?: string;
  problemType?: string | null;
  ticketTypeId?: number | null;
  contactId?: number | null;
  userId?: number | null;
  createdAt?: Date;
  updatedAt?: Date;
};

export type TNewComment = { subject: string | null; body: string; tech: string | null; hidden: boolean; doNotEmail: boolean; smsBody: string | null; userId: number | null };
export type TNewLineItem = { name: string; productId: number | null; description: string | null; quantity: number; priceCost: number; priceRetail: number; taxable: boolean };

/** The tickets of the fake account, with their comments and line items. */
export class TicketStore {
  private readonly rows: TSyncroWireTicket[] = [];
  private readonly now: () => Date;
  private readonly newId: () => number;

  constructor(input: { now: () => Date; newId: () => number }) {
    this.now = input.now;
    this.newId = input.newId;
  }

  all(): readonly TSyncroWireTicket[] {
    return this.rows;
  }

  find(id: number): TSyncroWireTicket | undefined {
    return this.rows.find((ticket) => ticket.id === id);
  }

  add(seed: TSeedTicket): TSyncroWireTicket {
    const created = (seed.createdAt ?? this.now()).toISOString();
    const id = this.newId();
    const ticket: TSyncroWireTicket = {
      id,
      number: 1000 + this.rows.length + 1,
      subject: seed.subject ?? `Ticket ${id}`,
      status: seed.status ?? "New",
      problem_type: seed.problemType ?? null,
      ticket_type_id: seed.ticketTypeId ?? null,
      priority: null,
      customer_id: seed.customerId,
      customer_business_then_name: null,
      contact_id: seed.contactId ?? null,
      contact_fullname: null,
      user_id: seed.userId ?? null,
      due_date: null,
      created_at: created,
      updated_at: (seed.updatedAt ?? seed.createdAt ?? this.now()).toISOString(),
      resolved_at: seed.status === "Resolved" ? created : null,
      comments: [],
      line_items: [],
    };
    this.rows.push(ticket);
    return ticket;
  }

  touch(id: number, at?: Date): TSyncroWireTicket {
    const ticket = this.require(id);
    ticket.updated_at = (at ?? this.now()).toISOString();
    return ticket;
  }

  update(id: number, changes: { status?: string; subject?: string; userId?: number | null }): TSyncroWireTicket {
    const ticket = this.require(id);
    if (changes.subject !== undefined) ticket.subject = changes.subject;
    if (changes.userId !== undefined) ticket.user_id = changes.userId;
    if (changes.status !== undefined && changes.status !== ticket.status) {
      ticket.status = changes.status;
      ticket.resolved_at = changes.status === "Resolved" ? this.now().toISOString() : ticket.resolved_at;
    }
    return this.touch(id);
  }

  addComment(ticketId: number, input: TNewComment): TSyncroWireComment {
    const ticket = this.require(ticketId);
    const at = this.now().toISOString();
    const comment: TSyncroWireComment = {
      id: this.newId(),
      ticket_id: ticketId,
      subject: input.subject,
      body: input.body,
      tech: input.tech,
      hidden: input.hidden,
      do_not_email: input.doNotEmail,
      sms_body: input.smsBody,
      user_id: input.userId,
      created_at: at,
      updated_at: at,
    };
    ticket.comments.push(comment);
    this.touch(ticketId);
    return comment;
  }

  addLineItem(ticketId: number, input: TNewLineItem): TSyncroWireLineItem {
    const ticket = this.require(ticketId);
    const at = this.now().toISOString();
    const item: TSyncroWireLineItem = {
      id: this.newId(),
      ticket_id: ticketId,
      name: input.name,
      item: input.name,
      product_id: input.productId,
      description: input.description,
      quantity: input.quantity.toFixed(1),
      price_cost: input.priceCost.toFixed(2),
      price_retail: input.priceRetail.toFixed(2),
      taxable: input.taxable,
      created_at: at,
      updated_at: at,
    };
    ticket.line_items.push(item);
    this.touch(ticketId);
    return item;
  }

  /** Returns undefined when the ticket has no such line item. */
  updateLineItem(ticketId: number, lineItemId: number, changes: Partial<TNewLineItem>): TSyncroWireLineItem | undefined {
    const item = this.require(ticketId).line_items.find((candidate) => candidate.id === lineItemId);
    if (!item) return undefined;
    if (changes.name !== undefined) item.name = item.item = changes.name;
    if (changes.productId !== undefined) item.product_id = changes.productId;
    if (changes.description !== undefined) item.description = changes.description;
    if (changes.quantity !== undefined) item.quantity = changes.quantity.toFixed(1);
    if (changes.priceCost !== undefined) item.price_cost = changes.priceCost.toFixed(2);
    if (changes.priceRetail !== undefined) item.price_retail = changes.priceRetail.toFixed(2);
    if (changes.taxable !== undefined) item.taxable = changes.taxable;
    item.updated_at = this.now().toISOString();
    this.touch(ticketId);
    return item;
  }

  /** Returns false when the ticket has no such line item. */
  removeLineItem(ticketId: number, lineItemId: number): boolean {
    const ticket = this.require(ticketId);
    const index = ticket.line_items.findIndex((item) => item.id === lineItemId);
    if (index < 0) return false;
    ticket.line_items.splice(index, 1);
    this.touch(ticketId);
    return true;
  }

  private require(id: number): TSyncroWireTicket {
    const ticket = this.find(id);
    if (!ticket) throw new RangeError(`No ticket ${id}`);
    return ticket;
  }
}
