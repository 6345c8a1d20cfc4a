import { z } from "zod";
import { ZSyncroContact, ZSyncroCustomer } from "./schemas.js";
import { wireList, ZSyncroWireDate, ZSyncroWireFlag, ZSyncroWireId, ZSyncroWireNumber, ZSyncroWireRef, ZSyncroWireText } from "./wire-values.js";

/** A comment on a ticket. `hidden` marks a private note; `tech` is the author's display name. */
export const ZSyncroComment = z
  .object({
    id: ZSyncroWireId,
    subject: ZSyncroWireText,
    body: ZSyncroWireText,
    tech: ZSyncroWireText,
    hidden: ZSyncroWireFlag,
    do_not_email: ZSyncroWireFlag,
    user_id: ZSyncroWireRef,
    created_at: ZSyncroWireDate,
  })
  .transform((wire) => ({
    id: wire.id,
    subject: wire.subject,
    body: wire.body,
    tech: wire.tech,
    hidden: wire.hidden,
    doNotEmail: wire.do_not_email,
    userId: wire.user_id,
    createdAt: wire.created_at,
  }));
export type TSyncroComment = z.output<typeof ZSyncroComment>;

/** A billable line on a ticket. Prices are decimals, which Syncro may send as strings. */
export const ZSyncroLineItem = z
  .object({
    id: ZSyncroWireId,
    name: ZSyncroWireText,
    item: ZSyncroWireText,
    product_id: ZSyncroWireRef,
    description: ZSyncroWireText,
    quantity: ZSyncroWireNumber,
    price_cost: ZSyncroWireNumber,
    price_retail: ZSyncroWireNumber,
    taxable: ZSyncroWireFlag,
    created_at: ZSyncroWireDate,
  })
  .transform((wire) => ({
    id: wire.id,
    name: wire.name ?? wire.item,
    productId: wire.product_id,
    description: wire.description,
    quantity: wire.quantity,
    priceCost: wire.price_cost,
    priceRetail: wire.price_retail,
    taxable: wire.taxable,
    createdAt: wire.created_at,
  }));
export type TSyncroLineItem = z.output<typeof ZSyncroLineItem>;

/**
 * A ticket. The list's records are sparse (the customer and contact by id, the opening comment
 * at most); `getTicket` embeds the customer and contact records, the line items and the
 * comments, cut short on long threads (`ticketComments` pages the whole thread).
 */
export const ZSyncroTicket = z
  .object({
    id: ZSyncroWireId,
    // Shown to people, and prefixes are possible, so it stays text.
    number: ZSyncroWireText,
    subject: ZSyncroWireText,
    status: ZSyncroWireText,
    problem_type: ZSyncroWireText,
    priority: ZSyncroWireText,
    customer_id: ZSyncroWireRef,
    customer_business_then_name: ZSyncroWireText,
    contact_id: ZSyncroWireRef,
    contact_fullname: ZSyncroWireText,
    user_id: ZSyncroWireRef,
    created_at: ZSyncroWireDate,
    updated_at: ZSyncroWireDate,
    resolved_at: ZSyncroWireDate,
    due_date: ZSyncroWireDate,
    comments: wireList(ZSyncroComment),
    line_items: wireList(ZSyncroLineItem),
    // Embedded records only add detail: one in an odd shape must not cost the whole ticket.
    customer: ZSyncroCustomer.nullish().catch(null),
    contact: ZSyncroContact.nullish().catch(null),
  })
  .transform((wire) => ({
    id: wire.id,
    number: wire.number,
    subject: wire.subject,
    status: wire.status,
    problemType: wire.problem_type,
    priority: wire.priority,
    customerId: wire.customer_id,
    customerName: wire.customer_business_then_name,
    contactId: wire.contact_id,
    contactName: wire.contact_fullname,
    userId: wire.user_id,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
    resolvedAt: wire.resolved_at,
    dueDate: wire.due_date,
    comments: wire.comments,
    lineItems: wire.line_items,
    customer: wire.customer ?? null,
    contact: wire.contact ?? null,
  }));
export type TSyncroTicket = z.output<typeof ZSyncroTicket>;
