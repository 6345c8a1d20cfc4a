import { z } from "zod";
import { ZSyncroWireDate, ZSyncroWireFlag, ZSyncroWireId, ZSyncroWireNumber, ZSyncroWireRef, ZSyncroWireText } from "./wire-values.js";

// Unknown fields are dropped rather than rejected: Syncro adds fields without notice.

/** A customer (a client company or a person) from `/customers`. */
export const ZSyncroCustomer = z
  .object({
    id: ZSyncroWireId,
    business_name: ZSyncroWireText,
    firstname: ZSyncroWireText,
    lastname: ZSyncroWireText,
    fullname: ZSyncroWireText,
    business_then_name: ZSyncroWireText,
    email: ZSyncroWireText,
    phone: ZSyncroWireText,
    mobile: ZSyncroWireText,
    disabled: ZSyncroWireFlag,
    created_at: ZSyncroWireDate,
    updated_at: ZSyncroWireDate,
  })
  .transform((wire) => {
    const person = [wire.firstname, wire.lastname].filter(Boolean).join(" ") || null;
    return {
      id: wire.id,
      businessName: wire.business_name,
      firstName: wire.firstname,
      lastName: wire.lastname,
      // What Syncro shows in lists: the business name, else the person's name.
      displayName: wire.business_then_name ?? (wire.business_name || null) ?? wire.fullname ?? person,
      email: wire.email,
      phone: wire.phone,
      mobile: wire.mobile,
      disabled: wire.disabled,
      createdAt: wire.created_at,
      updatedAt: wire.updated_at,
    };
  });
export type TSyncroCustomer = z.output<typeof ZSyncroCustomer>;

/** A contact person at a customer, from `/contacts`. */
export const ZSyncroContact = z
  .object({
    id: ZSyncroWireId,
    customer_id: ZSyncroWireRef,
    name: ZSyncroWireText,
    email: ZSyncroWireText,
    phone: ZSyncroWireText,
    mobile: ZSyncroWireText,
    title: ZSyncroWireText,
    created_at: ZSyncroWireDate,
    updated_at: ZSyncroWireDate,
  })
  .transform((wire) => ({
    id: wire.id,
    customerId: wire.customer_id,
    name: wire.name,
    email: wire.email,
    phone: wire.phone,
    mobile: wire.mobile,
    title: wire.title,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  }));
export type TSyncroContact = z.output<typeof ZSyncroContact>;

/** Paging of a list answer. Missing fields read as one page holding what was sent. */
export const ZSyncroMeta = z
  .object({ total_pages: ZSyncroWireNumber, total_entries: ZSyncroWireNumber, per_page: ZSyncroWireNumber, page: ZSyncroWireNumber })
  .nullish()
  .transform((wire) => ({
    totalPages: wire?.total_pages ?? 1,
    totalEntries: wire?.total_entries ?? null,
    perPage: wire?.per_page ?? null,
    page: wire?.page ?? 1,
  }));
export type TSyncroMeta = z.output<typeof ZSyncroMeta>;

/**
 * `GET /tickets/settings`. Syncro documents the endpoint but not every field's shape: the
 * status and problem-type lists may be names or `{ name }` records; ticket types and users are
 * `{ id, name }` records, and `require_ticket_type` says a new ticket must name a ticket type.
 */
const ZNameList = z
  .array(z.union([z.string(), z.object({ name: z.string() }).transform((item) => item.name)]))
  .nullish()
  .transform((value) => value ?? []);
const ZNamedRecords = z
  .array(z.object({ id: ZSyncroWireId, name: ZSyncroWireText }).transform((item) => ({ id: item.id, name: item.name ?? `#${item.id}` })))
  .nullish()
  .transform((value) => value ?? []);
export const ZSyncroTicketSettings = z
  .object({ ticket_status_list: ZNameList, problem_types: ZNameList, ticket_types: ZNamedRecords, users: ZNamedRecords, require_ticket_type: ZSyncroWireFlag })
  .transform((wire) => ({
    statuses: wire.ticket_status_list,
    problemTypes: wire.problem_types,
    ticketTypes: wire.ticket_types,
    users: wire.users,
    requireTicketType: wire.require_ticket_type,
  }));
export type TSyncroTicketSettings = z.output<typeof ZSyncroTicketSettings>;
