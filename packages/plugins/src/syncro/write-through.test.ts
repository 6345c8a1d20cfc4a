import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@mspgraph/db";
import { codeOf, gid } from "@mspgraph/schema/testing";
import { type SyncroPluginHarness, startSyncroPluginHarness } from "./testing/plugin-harness.js";

const CREATE = 'mutation ($c: ID!, $s: String!) { createTicket(input: { clientId: $c, subject: $s, description: "Outlook keeps asking for a password" }) { ticket { id provider number statusLabel } } }';
const COMMENT = "mutation ($i: AddTicketCommentInput!) { addTicketComment(input: $i) { comment { body hidden tech } } }";

describe("Syncro write-through", () => {
  let h: SyncroPluginHarness;
  let viewer: string;
  let tech: string;
  const counts = async () => ({
    tickets: await h.t.database.prisma.ticket.count(),
    comments: await h.t.database.prisma.ticketComment.count(),
    lineItems: await h.t.database.prisma.lineItem.count(),
  });

  beforeAll(async () => {
    h = await startSyncroPluginHarness();
    viewer = await h.t.tokenFor("viewer@fabrikam.test");
    tech = await h.t.tokenFor("tech@northwind-msp.test");
  });
  afterAll(() => h.close());

  it("creates a client's ticket in Syncro first, under the linked customer", async () => {
    const created = await h.t.gql(CREATE, { c: h.fabrikam, s: "Outlook prompts" }, { token: viewer });
    expect(created.data!.createTicket.ticket).toMatchObject({ provider: "syncro", statusLabel: "New" });
    const remote = h.server.state.tickets.all().find((ticket) => ticket.subject === "Outlook prompts")!;
    expect(remote.customer_id).toBe(h.customerId);
    expect(remote.comments.map((c) => c.body)).toEqual(["Outlook keeps asking for a password"]);
    const local = await h.t.database.prisma.ticket.findFirstOrThrow({ where: { subject: "Outlook prompts" } });
    expect(local.externalId).toBe(String(remote.id));
  });

  it("posts a hidden comment with the technician's name as a private note", async () => {
    const ticket = await h.t.database.prisma.ticket.findFirstOrThrow({ where: { subject: "Outlook prompts" } });
    const note = await h.t.gql(COMMENT, { i: { ticketId: gid("Ticket", ticket.id), body: "Reset the MFA token", hidden: true, tech: "Sam On-site" } }, { token: tech });
    expect(note.data!.addTicketComment.comment).toEqual({ body: "Reset the MFA token", hidden: true, tech: "Sam On-site" });
    const remote = h.server.state.ticket(Number(ticket.externalId))!;
    expect(remote.comments.at(-1)).toMatchObject({ body: "Reset the MFA token", hidden: true, tech: "Sam On-site", do_not_email: true });
    const status = await h.t.gql('mutation ($id: ID!) { changeTicketStatus(input: { id: $id, status: WAITING_ON_CUSTOMER }) { ticket { status } } }', { id: gid("Ticket", ticket.id) }, { token: tech });
    expect(status.data!.changeTicketStatus.ticket).toEqual({ status: "WAITING_ON_CUSTOMER" });
    expect(remote.status).toBe("Waiting on Customer");
    const line = await h.t.gql('mutation ($id: ID!) { addLineItem(input: { ticketId: $id, name: "YubiKey", quantity: "2", unitPrice: "45.00", costPrice: "30.00" }) { lineItem { name total } } }', { id: gid("Ticket", ticket.id) }, { token: tech });
    expect(line.data!.addLineItem.lineItem).toEqual({ name: "YubiKey", total: "90.00" });
    expect(remote.line_items.map((item) => [item.name, Number(item.quantity), Number(item.price_retail), Number(item.price_cost)])).toEqual([["YubiKey", 2, 45, 30]]);
  });

  it("leaves no local ticket, comment or line item behind when Syncro fails", async () => {
    const ticket = await h.t.database.prisma.ticket.findFirstOrThrow({ where: { subject: "Outlook prompts" } });
    const id = gid("Ticket", ticket.id);
    const before = await counts();
    const remoteBefore = h.server.state.tickets.all().length;
    h.server.faults.failNext(1, 500);
    const created = await h.t.gql(CREATE, { c: h.fabrikam, s: "Lost in transit" }, { token: tech });
    expect(codeOf(created)).toBe("PROVIDER_ERROR");
    expect(created.errors![0]!.message).toMatch(/^Syncro did not accept the new ticket, so nothing was saved: Syncro answered 500 \(server error\) on POST \/tickets/);
    h.server.faults.failNext(1, 500);
    expect(codeOf(await h.t.gql(COMMENT, { i: { ticketId: id, body: "lost?" } }, { token: tech }))).toBe("PROVIDER_ERROR");
    h.server.faults.failNext(1, 422);
    const line = await h.t.gql('mutation ($id: ID!) { addLineItem(input: { ticketId: $id, name: "Cable", quantity: "1", unitPrice: "5.00" }) { lineItem { id } } }', { id }, { token: tech });
    expect(codeOf(line)).toBe("PROVIDER_ERROR");
    expect(await counts()).toEqual(before);
    expect(h.server.state.tickets.all()).toHaveLength(remoteBefore);
  });

  it("refuses a ticket for a client with no linked customer, in plain words", async () => {
    const result = await h.t.gql(CREATE, { c: gid("Client", seedId("client", "tailspin")), s: "Unlinked" }, { token: tech });
    expect(codeOf(result)).toBe("PROVIDER_ERROR");
    expect(result.errors![0]!.message).toContain("this client is not linked to a Syncro customer");
  });

  it("never shows the API token in a response or a log line", async () => {
    const integration = await h.t.gql("{ integrations(first: 5) { edges { node { config hasCredentials webhookPath } } } }", {}, { token: h.owner });
    expect(JSON.stringify(integration)).not.toContain(h.server.token);
    expect(h.t.logs.join("\n")).not.toContain(h.server.token);
  });
});
