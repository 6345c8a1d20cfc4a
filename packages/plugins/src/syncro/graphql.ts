import { type GraphQLContext, type RuleTree, type TUserError, UserErrorRef, type builder as coreBuilder, callerPluginContext, idOf, isUniqueViolation, rules } from "@mspgraph/schema";
import { ProviderError, allow, apiError } from "@mspgraph/schema";
import DataLoader from "dataloader";
import type { WithSyncro } from "./connection-client.js";
import { resetSyncCheckpoint } from "./ticket-sync.js";

type TCustomer = { id: number; name: string; email: string | null; clientId: string | null };
type TLinkPayload = { customer: TCustomer | null; userErrors: TUserError[] };

const syncroContext = (context: GraphQLContext) => callerPluginContext(context, { id: "syncro", name: "Syncro" });

const customerName = (customer: { businessName: string | null; fullName?: string | null; firstName: string | null; lastName: string | null; id: number }) =>
  customer.businessName?.trim() || [customer.firstName, customer.lastName].filter(Boolean).join(" ").trim() || `Customer ${customer.id}`;

// Tickets name their client; the link table names the Syncro customer. One query per request, however many tickets.
const customerLoaders = new WeakMap<object, DataLoader<string, TCustomer | null>>();
function customerOfClient(context: GraphQLContext) {
  let loader = customerLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (clientIds: readonly string[]) => {
      const links = await context.db.syncroCustomerLink.findMany({ where: { clientId: { in: [...clientIds] } } });
      return clientIds.map((clientId) => {
        const link = links.find((candidate) => candidate.clientId === clientId);
        return link ? { id: link.customerId, name: link.customerName, email: null, clientId } : null;
      });
    });
    customerLoaders.set(context, loader);
  }
  return loader;
}

/** Adds Syncro's customer linking and `Ticket.customer` to the schema. */
export function registerSyncroSchema(builder: typeof coreBuilder, withSyncro: WithSyncro): void {
  const SyncroCustomerRef = builder.objectRef<TCustomer>("SyncroCustomer").implement({
    description: "A customer in the partner's Syncro account",
    fields: (t) => ({
      id: t.exposeInt("id", { description: "Syncro's customer id" }),
      name: t.exposeString("name"),
      email: t.exposeString("email", { nullable: true }),
      linkedClient: t.prismaField({
        type: "Client",
        nullable: true,
        description: "The client it is linked to; its tickets sync into that client",
        resolve: (query, customer, _args, { db }) => (customer.clientId ? db.client.findUnique({ ...query, where: { id: customer.clientId } }) : null),
      }),
    }),
  });
  const SyncroCustomerPageRef = builder.objectRef<{ customers: TCustomer[]; page: number; totalPages: number }>("SyncroCustomerPage").implement({
    fields: (t) => ({
      customers: t.field({ type: [SyncroCustomerRef], resolve: (page) => page.customers }),
      page: t.exposeInt("page"),
      totalPages: t.exposeInt("totalPages"),
    }),
  });

  builder.queryField("syncroCustomers", (t) =>
    t.field({
      type: SyncroCustomerPageRef,
      description: "Customers in the partner's Syncro account, 25 a page, with the client each is linked to (read live from Syncro)",
      args: { search: t.arg.string({ required: false }), page: t.arg.int({ required: false, defaultValue: 1 }) },
      resolve: async (_root, args, context) => {
        if ((args.page ?? 1) < 1) throw apiError("BAD_USER_INPUT", "page must be 1 or more", { field: "page" });
        const plugin = await syncroContext(context);
        const result = await withSyncro(plugin, (client) => client.listCustomers({ query: args.search ?? undefined, page: args.page ?? 1 }));
        const links = await context.db.syncroCustomerLink.findMany({ where: { connectionId: plugin.connection.id, customerId: { in: result.customers.map((c) => c.id) } } });
        return {
          page: args.page ?? 1,
          totalPages: result.meta.totalPages,
          customers: result.customers.map((customer) => ({ id: customer.id, name: customerName(customer), email: customer.email, clientId: links.find((link) => link.customerId === customer.id)?.clientId ?? null })),
        };
      },
    }),
  );

  const payload = builder.objectRef<TLinkPayload>("SyncroCustomerLinkPayload").implement({
    fields: (t) => ({
      customer: t.field({ type: SyncroCustomerRef, nullable: true, resolve: (p) => p.customer }),
      userErrors: t.expose("userErrors", { type: [UserErrorRef] }),
    }),
  });

  builder.mutationField("linkSyncroCustomer", (t) =>
    t.field({
      type: payload,
      description: "Links a Syncro customer to a client: its tickets sync into that client, and the client's new tickets go to that customer",
      args: { input: t.arg({ type: builder.inputType("LinkSyncroCustomerInput", { fields: (f) => ({ clientId: f.id({ required: true }), customerId: f.int({ required: true }) }) }), required: true }) },
      resolve: async (_root, { input }, context): Promise<TLinkPayload> => {
        const plugin = await syncroContext(context);
        const client = await context.db.client.findUnique({ where: { id: idOf(String(input.clientId), "Client", "clientId") } });
        if (!client) return { customer: null, userErrors: [{ field: "clientId", message: "no such client", code: "NOT_FOUND" }] };
        // Only "Syncro has no such customer" is the caller's to fix here; Syncro being down or the
        // token being refused answers PROVIDER_ERROR with its reason instead.
        const customer = await withSyncro(plugin, (syncro) => syncro.getCustomer(input.customerId)).catch((error: unknown) => {
          if (error instanceof ProviderError && error.reason === "NOT_FOUND") return null;
          throw error;
        });
        if (!customer) return { customer: null, userErrors: [{ field: "customerId", message: "Syncro has no such customer", code: "NOT_FOUND" }] };
        const name = customerName(customer);
        try {
          await context.db.syncroCustomerLink.create({ data: { partnerId: client.partnerId, connectionId: plugin.connection.id, customerId: customer.id, customerName: name, clientId: client.id } });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          return { customer: null, userErrors: [{ field: "customerId", message: "this customer or this client is already linked: unlink it first", code: "CONFLICT" }] };
        }
        // The next sync reads every ticket again, so this customer's older tickets come in too.
        await resetSyncCheckpoint(plugin);
        return { customer: { id: customer.id, name, email: customer.email, clientId: client.id }, userErrors: [] };
      },
    }),
  );

  builder.mutationField("unlinkSyncroCustomer", (t) =>
    t.field({
      type: payload,
      description: "Unlinks a client from its Syncro customer; tickets already synced stay",
      args: { input: t.arg({ type: builder.inputType("UnlinkSyncroCustomerInput", { fields: (f) => ({ clientId: f.id({ required: true }) }) }), required: true }) },
      resolve: async (_root, { input }, context): Promise<TLinkPayload> => {
        const clientId = idOf(String(input.clientId), "Client", "clientId");
        const link = await context.db.syncroCustomerLink.findFirst({ where: { clientId } });
        if (!link) return { customer: null, userErrors: [{ field: "clientId", message: "this client is not linked to a Syncro customer", code: "NOT_FOUND" }] };
        await context.db.syncroCustomerLink.delete({ where: { id: link.id } });
        return { customer: { id: link.customerId, name: link.customerName, email: null, clientId: null }, userErrors: [] };
      },
    }),
  );

  builder.prismaObjectField("Ticket", "customer", (t) =>
    t.field({
      type: SyncroCustomerRef,
      nullable: true,
      description: "The PSA customer of the ticket's client: with Syncro connected, the Syncro customer it is linked to (batched: one lookup for all tickets of a request); null otherwise",
      select: { clientId: true },
      resolve: (ticket, _args, context) => customerOfClient(context).load(ticket.clientId),
    }),
  );
}

export const syncroRules: RuleTree = {
  Query: { syncroCustomers: rules.isStaff },
  Mutation: { linkSyncroCustomer: rules.isPartnerManager, unlinkSyncroCustomer: rules.isPartnerManager },
  Ticket: { customer: rules.isStaff },
  SyncroCustomer: { "*": rules.isStaff },
  SyncroCustomerPage: { "*": rules.isStaff },
  SyncroCustomerLinkPayload: { "*": allow },
};
