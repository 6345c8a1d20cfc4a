import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi, gid } from "@mspgraph/schema/testing";
import { psaPlugin } from "./index.js";

const fabrikam = gid("Client", seedId("client", "fabrikam"));
const litware = gid("Client", seedId("client", "litware"));
const CREATE = "mutation ($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id number subject status provider contactName client { name } } userErrors { field code } } }";
const COMMENT = "mutation ($i: AddTicketCommentInput!) { addTicketComment(input: $i) { comment { body hidden tech } userErrors { field code } } }";
const THREAD = "query ($id: ID!) { ticket(id: $id) { comments(first: 50) { totalCount edges { node { body hidden tech } } } lineItems(first: 10) { edges { node { name total } } } } }";

describe("tickets (built-in PSA)", () => {
  let t: TestApi;
  let tech: string;
  let clientAdmin: string;
  let viewOnly: string;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestApi({ plugins: [psaPlugin] });
    tech = await t.tokenFor("tech@northwind-msp.test");
    clientAdmin = await t.tokenFor("admin@fabrikam.test");
    viewOnly = await t.tokenFor("viewer@fabrikam.test");
  });
  afterAll(() => t.close());

  it("client users open tickets for their own client, numbered per partner", async () => {
    const mine = (await t.gql(CREATE, { i: { clientId: fabrikam, subject: "Printer offline", description: "Front desk printer shows an error" } }, { token: viewOnly })).data!.createTicket;
    // The seed's sample tickets hold Northwind's numbers 1 to 3 (on Fabrikam and Tailspin) and Contoso's 1 and 2.
    expect(mine).toMatchObject({ ticket: { number: 4, subject: "Printer offline", status: "NEW", provider: "psa", contactName: "Victor Lang", client: { name: "Fabrikam Dental" } }, userErrors: [] });
    ticketId = mine.ticket.id;
    const staffMade = (await t.gql(CREATE, { i: { clientId: fabrikam, subject: "Patch servers" } }, { token: tech })).data!.createTicket;
    expect(staffMade.ticket.number).toBe(5);
    expect(codeOf(await t.gql(CREATE, { i: { clientId: litware, subject: "Not mine" } }, { token: clientAdmin }))).toBe("NOT_FOUND");
    const contoso = (await t.gql(CREATE, { i: { clientId: litware, subject: "Contoso's first" } }, { token: await t.tokenFor("owner@contoso-it.test") })).data!.createTicket;
    expect(contoso.ticket.number).toBe(3);
  });

  it("hides internal notes from client users, and lets staff post for a technician", async () => {
    await t.gql(COMMENT, { i: { ticketId, body: "Thanks, we're on it." } }, { token: tech });
    const note = (await t.gql(COMMENT, { i: { ticketId, body: "Toner cartridge is counterfeit", hidden: true, tech: "Sam On-site" } }, { token: tech })).data!.addTicketComment;
    expect(note.comment).toEqual({ body: "Toner cartridge is counterfeit", hidden: true, tech: "Sam On-site" });
    await t.gql(COMMENT, { i: { ticketId, body: "It works again, thank you!" } }, { token: viewOnly });

    const staffView = (await t.gql(THREAD, { id: ticketId }, { token: tech })).data!.ticket.comments;
    expect(staffView.totalCount).toBe(3);
    expect(staffView.edges.map((e: { node: { tech: string } }) => e.node.tech)).toEqual(["Theo Marsh", "Sam On-site", "Victor Lang"]);
    for (const token of [viewOnly, clientAdmin]) {
      const portal = await t.gql(THREAD, { id: ticketId }, { token });
      expect(portal.data!.ticket.comments.totalCount).toBe(2);
      expect(JSON.stringify(portal)).not.toContain("counterfeit");
    }
    const sneaky = await t.gql(COMMENT, { i: { ticketId, body: "psst", hidden: true } }, { token: viewOnly });
    expect(sneaky.data!.addTicketComment.userErrors).toEqual([{ field: "hidden", code: "FORBIDDEN" }]);
  });

  it("lets staff work the ticket: status, assignee, time, catalog line items; cost prices stay internal", async () => {
    const STATUS = "mutation ($i: ChangeTicketStatusInput!) { changeTicketStatus(input: $i) { ticket { status resolvedAt } } }";
    expect((await t.gql(STATUS, { i: { id: ticketId, status: "IN_PROGRESS" } }, { token: tech })).data!.changeTicketStatus.ticket).toEqual({ status: "IN_PROGRESS", resolvedAt: null });
    const assign = await t.gql("mutation ($i: AssignTicketInput!) { assignTicket(input: $i) { ticket { assigneeName } userErrors { code } } }", { i: { id: ticketId, assigneeId: gid("StaffUser", seedId("staff", "tech@northwind-msp.test")) } }, { token: tech });
    expect(assign.data!.assignTicket).toEqual({ ticket: { assigneeName: "Theo Marsh" }, userErrors: [] });
    const foreignAssignee = await t.gql("mutation ($i: AssignTicketInput!) { assignTicket(input: $i) { userErrors { code } } }", { i: { id: ticketId, assigneeId: gid("StaffUser", seedId("staff", "tech@contoso-it.test")) } }, { token: tech });
    expect(foreignAssignee.data!.assignTicket.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    const time = await t.gql("mutation ($i: AddTimeEntryInput!) { addTimeEntry(input: $i) { timeEntry { minutes billable staffUser { id name } } userErrors { field } } }", { i: { ticketId, minutes: 45, note: "Replaced toner" } }, { token: tech });
    expect(time.data!.addTimeEntry).toEqual({ timeEntry: { minutes: 45, billable: true, staffUser: { id: gid("StaffUser", seedId("staff", "tech@northwind-msp.test")), name: "Theo Marsh" } }, userErrors: [] });

    const owner = await t.tokenFor("owner@northwind-msp.test");
    const product = (await t.gql('mutation { createProduct(input: { name: "Toner cartridge", unitPrice: "89.00", costPrice: "52.10" }) { product { id unitPrice costPrice } userErrors { code } } }', {}, { token: owner })).data!.createProduct;
    expect(product.product).toMatchObject({ unitPrice: "89.00", costPrice: "52.10" });
    const line = await t.gql("mutation ($i: AddLineItemInput!) { addLineItem(input: $i) { lineItem { name quantity total costPrice } } }", { i: { ticketId, productId: product.product.id, quantity: "2" } }, { token: tech });
    expect(line.data!.addLineItem.lineItem).toEqual({ name: "Toner cartridge", quantity: "2.00", total: "178.00", costPrice: "52.10" });
    expect((await t.gql(STATUS, { i: { id: ticketId, status: "RESOLVED" } }, { token: tech })).data!.changeTicketStatus.ticket.resolvedAt).toEqual(expect.any(String));

    const portal = await t.gql(THREAD, { id: ticketId }, { token: clientAdmin });
    expect(portal.data!.ticket.lineItems.edges).toEqual([{ node: { name: "Toner cartridge", total: "178.00" } }]);
    const costs = await t.gql("query ($id: ID!) { ticket(id: $id) { lineItems(first: 5) { edges { node { costPrice } } } } }", { id: ticketId }, { token: clientAdmin });
    expect(codeOf(costs)).toBe("FORBIDDEN");
    expect(JSON.stringify(costs)).not.toContain("52.10");
    expect(codeOf(await t.gql("query ($id: ID!) { ticket(id: $id) { timeEntries(first: 5) { totalCount } } }", { id: ticketId }, { token: clientAdmin }))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql("{ products(first: 5) { totalCount } }", {}, { token: clientAdmin }))).toBe("FORBIDDEN");
  });

  it("refuses staff-only mutations to client users, and other partners' tickets to staff", async () => {
    expect(codeOf(await t.gql("mutation ($i: ChangeTicketStatusInput!) { changeTicketStatus(input: $i) { ticket { status } } }", { i: { id: ticketId, status: "CLOSED" } }, { token: clientAdmin }))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql("mutation ($i: AddTimeEntryInput!) { addTimeEntry(input: $i) { timeEntry { minutes } } }", { i: { ticketId, minutes: 5 } }, { token: viewOnly }))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql("query ($id: ID!) { ticket(id: $id) { subject } }", { id: ticketId }, { token: await t.tokenFor("owner@contoso-it.test") }))).toBe("NOT_FOUND");
    const list = await t.gql('{ tickets(first: 10, filter: { search: "printer offline" }) { totalCount edges { node { number } } } }', {}, { token: tech });
    expect(list.data!.tickets.edges).toEqual([{ node: { number: 4 } }]);
  });
});
