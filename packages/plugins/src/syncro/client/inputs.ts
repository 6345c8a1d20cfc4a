/** Filters for `GET /tickets`; every one is optional. */
export type TSyncroTicketFilters = {
  /** Only tickets changed at or after this moment (Syncro's `since_updated_at`). */
  sinceUpdatedAt?: Date | string;
  customerId?: number;
  /** A status name, e.g. "In Progress". */
  status?: string;
};

export type TSyncroListTicketsInput = TSyncroTicketFilters & { page?: number };

/** The first comment of a new ticket; Syncro stores it like any other comment. Not emailed unless `doNotEmail: false`. */
export type TSyncroNewComment = { body: string; subject?: string; tech?: string; hidden?: boolean; doNotEmail?: boolean };

export type TSyncroCreateTicketInput = {
  customerId: number;
  subject: string;
  problemType?: string;
  /** Required when the account's settings say `require_ticket_type`. */
  ticketTypeId?: number;
  /** Defaults to Syncro's own default ("New"). */
  status?: string;
  contactId?: number;
  comment?: TSyncroNewComment;
};

export type TSyncroUpdateTicketInput = { status?: string; subject?: string; userId?: number };

export type TSyncroAddCommentInput = {
  subject: string;
  body: string;
  /** The author's display name; may differ from the token's owner. */
  tech: string;
  /** true makes a private note that the customer never sees. */
  hidden: boolean;
  /** true keeps Syncro from emailing the comment to the customer. */
  doNotEmail: boolean;
  smsBody?: string;
};

export type TSyncroAddLineItemInput = {
  name: string;
  productId?: number;
  /** Syncro refuses a line item without one, even with a product; the name is sent when blank. */
  description?: string;
  quantity: number;
  priceCost: number;
  priceRetail: number;
  taxable?: boolean;
};

/** Drops undefined values so they are not sent as explicit nulls or blanks. */
export function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export const commentWire = (input: TSyncroNewComment & { smsBody?: string }) =>
  compact({
    subject: input.subject,
    body: input.body,
    tech: input.tech,
    hidden: input.hidden,
    sms_body: input.smsBody,
    do_not_email: input.doNotEmail,
  });

export const createTicketWire = (input: TSyncroCreateTicketInput) =>
  compact({
    customer_id: input.customerId,
    subject: input.subject,
    problem_type: input.problemType,
    ticket_type_id: input.ticketTypeId,
    status: input.status,
    contact_id: input.contactId,
    // Rails' nested attributes: the first comment is created with the ticket, in one request.
    // Syncro emails a comment to the customer unless told not to: only an explicit doNotEmail: false does.
    comments_attributes: input.comment ? [commentWire({ hidden: false, doNotEmail: true, ...input.comment, subject: input.comment.subject ?? "Initial Issue" })] : undefined,
  });

export const updateTicketWire = (input: TSyncroUpdateTicketInput) =>
  compact({ status: input.status, subject: input.subject, user_id: input.userId });

export type TSyncroUpdateLineItemInput = Partial<TSyncroAddLineItemInput>;

export const lineItemWire = (input: TSyncroUpdateLineItemInput) =>
  compact({
    name: input.name,
    product_id: input.productId,
    // Syncro answers 422 "Description can't be blank" otherwise, product or not.
    description: input.description?.trim() || input.name,
    quantity: input.quantity,
    price_cost: input.priceCost,
    price_retail: input.priceRetail,
    taxable: input.taxable,
  });

/** `since_updated_at` as ISO text, whether given a Date or a string. */
export const isoTime = (value: Date | string | undefined) => (value instanceof Date ? value.toISOString() : value);
