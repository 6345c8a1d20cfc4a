import { z } from "zod";
import { builder } from "../../builder.js";
import { ticketProviderFor, writeThrough } from "../../capabilities/ticket-provider-for.js";
import { forbidden, notFound } from "../../errors.js";
import { addRules, allow } from "../../permissions.js";
import { callerPartnerId } from "../../tenant-scope.js";
import { isPartnerManager, isStaff } from "../../rules/roles.js";
import { idOf } from "../global-id.js";
import { loadViewer } from "../viewer.js";
import { type TUserError, UserErrorRef, conflictOrThrow, zodUserErrors } from "../user-error.js";
import { ProductRef, TicketRef, TimeEntryRef } from "./ticket-types.js";

const money = z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "must be an amount like 12.50");

type TimePayload = { ticket: { id: string } | null; timeEntry: { id: string } | null; userErrors: TUserError[] };
const TimeEntryPayloadRef = builder.objectRef<TimePayload>("TimeEntryPayload").implement({
  fields: (t) => ({
    ticket: t.prismaField({ type: TicketRef, nullable: true, resolve: (q, p, _a, { db }) => (p.ticket ? db.ticket.findUnique({ ...q, where: { id: p.ticket.id } }) : null) }),
    timeEntry: t.prismaField({ type: TimeEntryRef, nullable: true, resolve: (q, p, _a, { db }) => (p.timeEntry ? db.timeEntry.findUnique({ ...q, where: { id: p.timeEntry.id } }) : null) }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

type ProductPayload = { product: { id: string } | null; userErrors: TUserError[] };
const ProductPayloadRef = builder.objectRef<ProductPayload>("ProductPayload").implement({
  fields: (t) => ({
    product: t.prismaField({ type: ProductRef, nullable: true, resolve: (q, p, _a, { db }) => (p.product ? db.product.findUnique({ ...q, where: { id: p.product.id } }) : null) }),
    userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
  }),
});

const ZTime = z.object({ minutes: z.number().int().min(1, "must be at least 1").max(24 * 60, "must be at most a day"), note: z.string().max(5000).default("") });
const ZLineItem = z.object({ name: z.string().trim().min(1).max(300).optional(), quantity: money, unitPrice: money.optional(), costPrice: money.optional() });
const ZProduct = z.object({ name: z.string().trim().min(1, "must not be empty").max(300), sku: z.string().trim().max(100).nullish(), unitPrice: money, costPrice: money });

builder.mutationFields((t) => ({
  addTimeEntry: t.field({
    type: TimeEntryPayloadRef,
    args: {
      input: t.arg({
        type: builder.inputType("AddTimeEntryInput", {
          fields: (f) => ({ ticketId: f.id({ required: true }), minutes: f.int({ required: true }), billable: f.boolean({ required: false }), note: f.string({ required: false }) }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, context): Promise<TimePayload> => {
      const { db, principal } = context;
      if (principal.kind !== "staff") throw forbidden();
      const ticket = await db.ticket.findUnique({ where: { id: idOf(String(input.ticketId), "Ticket", "ticketId") } });
      if (!ticket) throw notFound("Ticket");
      const parsed = ZTime.safeParse({ minutes: input.minutes, note: input.note ?? "" });
      if (!parsed.success) return { ticket: null, timeEntry: null, userErrors: zodUserErrors(parsed.error) };
      const billable = input.billable ?? true;
      const bound = await ticketProviderFor(context, ticket.partnerId, ticket.provider);
      const tech = (await loadViewer(context))?.name ?? "staff";
      const remote = await writeThrough(bound, "the time entry", () => bound.provider.addTimeEntry(bound.context, { ticketExternalId: ticket.externalId, billable, tech, ...parsed.data }));
      const timeEntry = await db.timeEntry.create({
        data: { externalId: remote.externalId, partnerId: ticket.partnerId, clientId: ticket.clientId, ticketId: ticket.id, staffUserId: principal.impersonation?.actorId ?? principal.userId, billable, ...parsed.data },
        select: { id: true },
      });
      return { ticket, timeEntry, userErrors: [] };
    },
  }),
  addLineItem: t.field({
    type: builder.objectRef<{ ticket: { id: string } | null; lineItem: { id: string } | null; userErrors: TUserError[] }>("LineItemPayload").implement({
      fields: (f) => ({
        ticket: f.prismaField({ type: TicketRef, nullable: true, resolve: (q, p, _a, { db }) => (p.ticket ? db.ticket.findUnique({ ...q, where: { id: p.ticket.id } }) : null) }),
        lineItem: f.prismaField({ type: "LineItem", nullable: true, resolve: (q, p, _a, { db }) => (p.lineItem ? db.lineItem.findUnique({ ...q, where: { id: p.lineItem.id } }) : null) }),
        userErrors: f.expose("userErrors", { type: [UserErrorRef] }),
      }),
    }),
    description: "Bills an item on a ticket: from the catalog (its prices are the defaults) or ad hoc",
    args: {
      input: t.arg({
        type: builder.inputType("AddLineItemInput", {
          fields: (f) => ({
            ticketId: f.id({ required: true }),
            productId: f.id({ required: false }),
            name: f.string({ required: false }),
            quantity: f.field({ type: "Decimal", required: true }),
            unitPrice: f.field({ type: "Decimal", required: false }),
            costPrice: f.field({ type: "Decimal", required: false }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, context) => {
      const { db } = context;
      const ticket = await db.ticket.findUnique({ where: { id: idOf(String(input.ticketId), "Ticket", "ticketId") } });
      if (!ticket) throw notFound("Ticket");
      const parsed = ZLineItem.safeParse({ name: input.name ?? undefined, quantity: input.quantity, unitPrice: input.unitPrice ?? undefined, costPrice: input.costPrice ?? undefined });
      if (!parsed.success) return { ticket: null, lineItem: null, userErrors: zodUserErrors(parsed.error) };
      const product = input.productId ? await db.product.findUnique({ where: { id: idOf(String(input.productId), "Product", "productId") } }) : null;
      if (input.productId && (!product || product.archivedAt)) throw notFound("Product");
      const name = parsed.data.name ?? product?.name;
      const unitPrice = parsed.data.unitPrice ?? product?.unitPrice.toString();
      if (!name || !unitPrice) return { ticket: null, lineItem: null, userErrors: [{ field: "productId", message: "name a product, or give name and unitPrice", code: "BAD_USER_INPUT" as const }] };
      const costPrice = parsed.data.costPrice ?? product?.costPrice.toString() ?? "0";
      const bound = await ticketProviderFor(context, ticket.partnerId, ticket.provider);
      const remote = await writeThrough(bound, "the line item", () =>
        bound.provider.addLineItem(bound.context, { ticketExternalId: ticket.externalId, name, quantity: parsed.data.quantity, unitPrice, costPrice }),
      );
      const lineItem = await db.lineItem.create({
        data: { externalId: remote.externalId, partnerId: ticket.partnerId, clientId: ticket.clientId, ticketId: ticket.id, productId: product?.id ?? null, name, quantity: parsed.data.quantity, unitPrice, costPrice },
        select: { id: true },
      });
      return { ticket, lineItem, userErrors: [] };
    },
  }),
  removeLineItem: t.field({
    type: TimeEntryPayloadRef,
    args: { input: t.arg({ type: builder.inputType("RemoveLineItemInput", { fields: (f) => ({ id: f.id({ required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, context): Promise<TimePayload> => {
      const { db } = context;
      const item = await db.lineItem.findUnique({ where: { id: idOf(String(input.id), "LineItem") }, include: { ticket: { select: { partnerId: true, provider: true, externalId: true } } } });
      if (!item) throw notFound("LineItem");
      const bound = await ticketProviderFor(context, item.ticket.partnerId, item.ticket.provider);
      await writeThrough(bound, "removing the line item", () => bound.provider.removeLineItem(bound.context, { ticketExternalId: item.ticket.externalId, lineItemExternalId: item.externalId }));
      await db.lineItem.delete({ where: { id: item.id } });
      return { ticket: { id: item.ticketId }, timeEntry: null, userErrors: [] };
    },
  }),
  createProduct: t.field({
    type: ProductPayloadRef,
    args: {
      input: t.arg({
        type: builder.inputType("CreateProductInput", {
          fields: (f) => ({ name: f.string({ required: true }), sku: f.string({ required: false }), unitPrice: f.field({ type: "Decimal", required: true }), costPrice: f.field({ type: "Decimal", required: true }) }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, { db, principal }): Promise<ProductPayload> => {
      const partnerId = callerPartnerId(principal);
      const parsed = ZProduct.safeParse(input);
      if (!parsed.success) return { product: null, userErrors: zodUserErrors(parsed.error) };
      try {
        const product = await db.product.create({ data: { ...parsed.data, sku: parsed.data.sku ?? null, partnerId }, select: { id: true } });
        return { product, userErrors: [] };
      } catch (error) {
        return { product: null, userErrors: conflictOrThrow(error, "name", "the catalog already has a product with this name") };
      }
    },
  }),
  updateProduct: t.field({
    type: ProductPayloadRef,
    args: {
      input: t.arg({
        type: builder.inputType("UpdateProductInput", {
          fields: (f) => ({
            id: f.id({ required: true }),
            name: f.string({ required: false }),
            sku: f.string({ required: false }),
            unitPrice: f.field({ type: "Decimal", required: false }),
            costPrice: f.field({ type: "Decimal", required: false }),
            archived: f.boolean({ required: false, description: "Archived products leave the catalog; line items keep their prices" }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, { db }): Promise<ProductPayload> => {
      const id = idOf(String(input.id), "Product");
      const existing = await db.product.findUnique({ where: { id } });
      if (!existing) throw notFound("Product");
      const { id: _id, archived, ...changes } = input;
      const parsed = ZProduct.partial().safeParse(Object.fromEntries(Object.entries(changes).filter(([, v]) => v != null)));
      if (!parsed.success) return { product: null, userErrors: zodUserErrors(parsed.error) };
      const archivedAt = archived === true ? (existing.archivedAt ?? new Date()) : archived === false ? null : undefined;
      try {
        await db.product.update({ where: { id }, data: { ...parsed.data, ...(archivedAt !== undefined ? { archivedAt } : {}) } });
        return { product: { id }, userErrors: [] };
      } catch (error) {
        return { product: null, userErrors: conflictOrThrow(error, "name", "the catalog already has a product with this name") };
      }
    },
  }),
}));

addRules({
  Mutation: { addTimeEntry: isStaff, addLineItem: isStaff, removeLineItem: isStaff, createProduct: isPartnerManager, updateProduct: isPartnerManager },
  TimeEntryPayload: { "*": allow },
  LineItemPayload: { "*": allow },
  ProductPayload: { "*": allow },
});
