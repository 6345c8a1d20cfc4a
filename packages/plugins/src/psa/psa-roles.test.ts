import { seedId } from "@mspgraph/db";
import { type TestApi, codeOf, createTestApi, gid } from "@mspgraph/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { psaPlugin } from "./index.js";

// Every PSA mutation, for every kind of caller: who may, and who is refused.
const ROLES = ["owner@northwind-msp.test", "tech@northwind-msp.test", "admin@fabrikam.test", "viewer@fabrikam.test", "anonymous"] as const;
type Role = (typeof ROLES)[number];
type Ids = { ticketId: string; lineItems: string[]; productId: string };

const MUTATIONS: Array<{ name: string; allowed: Role[]; document: string; input(ids: Ids, role: Role): Record<string, unknown> }> = [
  { name: "createTicket", allowed: ["owner@northwind-msp.test", "tech@northwind-msp.test", "admin@fabrikam.test", "viewer@fabrikam.test"], document: "CreateTicketInput", input: () => ({ clientId: gid("Client", seedId("client", "fabrikam")), subject: "Role check" }) },
  { name: "updateTicket", allowed: ["owner@northwind-msp.test", "tech@northwind-msp.test"], document: "UpdateTicketInput", input: ({ ticketId }) => ({ id: ticketId, subject: "Renamed" }) },
  { name: "changeTicketStatus", allowed: ["owner@northwind-msp.test", "tech@northwind-msp.test"], document: "ChangeTicketStatusInput", input: ({ ticketId }) => ({ id: ticketId, status: "SCHEDULED" }) },
  { name: "assignTicket", allowed: ["owner@northwind-msp.test", "tech@northwind-msp.test"], document: "AssignTicketInput", input: ({ ticketId }) => ({ id: ticketId, assigneeId: null }) },
  { name: "addTicketComment", allowed: ["owner@northwind-msp.test", "tech@northwind-msp.test", "admin@fabrikam.test", "viewer@fabrikam.test"], document: "AddTicketCommentInput", input: ({ ticketId }) => ({ ticketId, body: "A note" }) },
  { name: "addTimeEntry", allowed: ["owner@northwind-msp.test", "tech@northwind-msp.test"], document: "AddTimeEntryInput", input: ({ ticketId }) => ({ ticketId, minutes: 10 }) },
  { name: "addLineItem", allowed: ["owner@northwind-msp.test", "tech@northwind-msp.test"], document: "AddLineItemInput", input: ({ ticketId, productId }) => ({ ticketId, productId, quantity: "1" }) },
  { name: "removeLineItem", allowed: ["owner@northwind-msp.test", "tech@northwind-msp.test"], document: "RemoveLineItemInput", input: ({ lineItems }, role) => ({ id: lineItems[ROLES.indexOf(role)] }) },
  { name: "createProduct", allowed: ["owner@northwind-msp.test"], document: "CreateProductInput", input: (_ids, role) => ({ name: `Item for ${role}`, unitPrice: "10.00", costPrice: "4.00" }) },
  { name: "updateProduct", allowed: ["owner@northwind-msp.test"], document: "UpdateProductInput", input: ({ productId }) => ({ id: productId, unitPrice: "12.00" }) },
  { name: "setTicketProvider", allowed: ["owner@northwind-msp.test"], document: "SetTicketProviderInput", input: () => ({ pluginId: "psa" }) },
];

describe("PSA mutations per role", () => {
  let t: TestApi;
  const ids: Ids = { ticketId: "", lineItems: [], productId: "" };
  const tokens = new Map<Role, string | undefined>();

  beforeAll(async () => {
    t = await createTestApi({ plugins: [psaPlugin] });
    for (const role of ROLES) tokens.set(role, role === "anonymous" ? undefined : await t.tokenFor(role));
    const owner = tokens.get("owner@northwind-msp.test");
    const ticket = await t.gql('mutation ($c: ID!) { createTicket(input: { clientId: $c, subject: "Matrix" }) { ticket { id } } }', { c: gid("Client", seedId("client", "fabrikam")) }, { token: owner });
    ids.ticketId = ticket.data!.createTicket.ticket.id;
    const product = await t.gql('mutation { createProduct(input: { name: "Cable", unitPrice: "5.00", costPrice: "1.00" }) { product { id } } }', {}, { token: owner });
    ids.productId = product.data!.createProduct.product.id;
    for (const _role of ROLES) {
      const line = await t.gql("mutation ($i: AddLineItemInput!) { addLineItem(input: $i) { lineItem { id } } }", { i: { ticketId: ids.ticketId, productId: ids.productId, quantity: "1" } }, { token: owner });
      ids.lineItems.push(line.data!.addLineItem.lineItem.id);
    }
  });
  afterAll(() => t.close());

  const cases = MUTATIONS.flatMap((mutation) => ROLES.map((role) => ({ ...mutation, role, expected: mutation.allowed.includes(role) ? "allowed" : "refused" })));
  it.each(cases)("$name as $role: $expected", async ({ name, document, input, role, expected }) => {
    const result = await t.gql(`mutation ($i: ${document}!) { ${name}(input: $i) { userErrors { field message } } }`, { i: input(ids, role) }, { token: tokens.get(role) });
    if (expected === "allowed") {
      expect(result.errors).toBeUndefined();
      expect(result.data![name].userErrors).toEqual([]);
    } else {
      expect(result.data?.[name] ?? null).toBeNull();
      expect(codeOf(result)).toBe(role === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");
    }
  });
});
