import { seedId } from "@mspgraph/db";
import { gid } from "@mspgraph/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncroPluginHarness, startSyncroPluginHarness } from "./testing/plugin-harness.js";
import { until } from "./testing/test-helpers.js";

describe("Syncro sync into the core's tickets", () => {
  let h: SyncroPluginHarness;
  const local = () => h.t.database.prisma.ticket.findMany({ where: { provider: "syncro" }, include: { comments: true, lineItems: true, contact: true }, orderBy: { externalId: "asc" } });

  beforeAll(async () => {
    h = await startSyncroPluginHarness();
  });
  afterAll(() => h.close());

  it("imports every page of a first sync, with comments, line items, contacts and statuses", async () => {
    const { state } = h.server;
    // Made an hour ago, so the next incremental sync sees only what changes after this test.
    h.clock.behindMs = 60 * 60 * 1000;
    const other = state.addCustomer({ businessName: "Not linked Ltd" });
    const contact = state.addContact({ customerId: h.customerId, name: "Victor Lang", email: "viewer@fabrikam.test" });
    for (let i = 0; i < 60; i++) state.addTicket({ customerId: h.customerId, subject: `Ticket ${i}`, status: i === 0 ? "Waiting for Parts" : i === 1 ? "Invoiced" : "New", contactId: i === 0 ? contact.id : null });
    for (let i = 0; i < 5; i++) state.addTicket({ customerId: other.id, subject: `Elsewhere ${i}` });
    const first = state.tickets.all().find((ticket) => ticket.subject === "Ticket 0")!;
    state.tickets.addComment(first.id, { subject: "Initial Issue", body: "Server fan is loud", tech: "Dana", hidden: false, doNotEmail: false, smsBody: null, userId: null });
    state.tickets.addComment(first.id, { subject: "Note", body: "Ordered a fan", tech: "Sam", hidden: true, doNotEmail: true, smsBody: null, userId: null });
    state.tickets.addLineItem(first.id, { name: "Fan", productId: null, description: null, quantity: 1, priceCost: 12, priceRetail: 30, taxable: true });

    h.clock.behindMs = 0;
    const logsBefore = h.t.logs.length;
    await h.sync();
    const tickets = await local();
    expect(tickets).toHaveLength(60);
    const imported = tickets.find((ticket) => ticket.subject === "Ticket 0")!;
    expect(imported).toMatchObject({ status: "WAITING_ON_CUSTOMER", statusLabel: "Waiting for Parts", description: "Server fan is loud", contact: { email: "viewer@fabrikam.test" } });
    // The opening comment is the description, not a comment of its own as well.
    expect(imported.comments.map((c) => [c.body, c.hidden, c.tech])).toEqual([["Ordered a fan", true, "Sam"]]);
    expect(imported.lineItems.map((l) => [l.name, l.unitPrice.toString(), l.costPrice.toString()])).toEqual([["Fan", "30", "12"]]);
    expect(tickets.find((ticket) => ticket.subject === "Ticket 1")).toMatchObject({ status: "CLOSED", statusLabel: "Invoiced" });
    const requests = h.takeRequests();
    expect(requests.filter((r) => r === "GET /tickets")).toHaveLength(3);
    // Only linked customers' tickets are read whole, with one call each: the contact comes embedded.
    expect(requests.filter((r) => /^GET \/tickets\/\d+$/.test(r))).toHaveLength(60);
    expect(requests).toHaveLength(63);
    const integration = await h.t.gql("{ integrations(first: 5) { edges { node { pluginId status lastSyncAt syncProgress { done total } } } } }", {}, { token: h.owner });
    expect(integration.data!.integrations.edges[0].node).toMatchObject({ pluginId: "syncro", status: "OK", lastSyncAt: expect.any(String), syncProgress: null });
    expect(h.t.logs.slice(logsBefore).filter((line) => line.includes("Syncro sync: page done"))).toHaveLength(3);
  });

  it("picks up only what changed since the last sync", async () => {
    const changed = h.server.state.tickets.all().filter((ticket) => ticket.subject === "Ticket 5" || ticket.subject === "Ticket 6");
    for (const ticket of changed) h.server.state.tickets.update(ticket.id, { subject: `${ticket.subject} (edited)` });
    await h.sync();
    const reread = h.takeRequests().filter((r) => /^GET \/tickets\/\d+$/.test(r));
    expect(reread.sort()).toEqual(changed.map((ticket) => `GET /tickets/${ticket.id}`).sort());
    const subjects = (await local()).map((ticket) => ticket.subject);
    expect(subjects).toContain("Ticket 5 (edited)");
    expect(subjects).toHaveLength(60);
  });

  it("reads contacts and customers from the ticket itself: no /contacts or /customers calls, none at query time", async () => {
    const { state } = h.server;
    const second = state.addCustomer({ businessName: "Tailspin Toys HQ" });
    const tailspinLink = await h.t.gql(
      "mutation ($c: ID!, $s: Int!) { linkSyncroCustomer(input: { clientId: $c, customerId: $s }) { customer { name linkedClient { name } } userErrors { message } } }",
      { c: gid("Client", seedId("client", "tailspin")), s: second.id },
      { token: h.owner },
    );
    expect(tailspinLink.data!.linkSyncroCustomer.userErrors).toEqual([]);
    const contacts = [h.customerId, second.id].map((customerId, i) => state.addContact({ customerId, name: `Contact ${i}`, email: `contact${i}@example.test` }));
    for (let i = 0; i < 50; i++) state.addTicket({ customerId: i % 2 ? second.id : h.customerId, subject: `Sparse ${i}`, contactId: contacts[i % 2]!.id });
    h.takeRequests();
    await h.sync();
    const requests = h.takeRequests();
    expect(requests.filter((r) => r.startsWith("GET /customers") || r.startsWith("GET /contacts"))).toEqual([]);
    const listed = await h.t.gql('{ tickets(first: 100, filter: { search: "Sparse" }) { totalCount edges { node { subject client { name } customer { id name } } } } }', {}, { token: h.owner });
    expect(listed.data!.tickets.totalCount).toBe(50);
    expect(new Set(listed.data!.tickets.edges.map((e: { node: { customer: { name: string } } }) => e.node.customer.name))).toEqual(new Set(["Fabrikam Dental Group", "Tailspin Toys HQ"]));
    expect(h.takeRequests()).toEqual([]);
  });

  it("imports a long thread whole from /comments, which the ticket's own payload cuts short", async () => {
    const ticket = h.server.state.addTicket({ customerId: h.customerId, subject: "Long thread" });
    for (let i = 0; i < 45; i++) h.server.state.tickets.addComment(ticket.id, { subject: "Update", body: `Reply ${i}`, tech: "Dana", hidden: i % 5 === 0, doNotEmail: true, smsBody: null, userId: null });
    h.takeRequests();
    await h.sync();
    expect(h.takeRequests().filter((r) => r.includes(`/tickets/${ticket.id}`))).toEqual([`GET /tickets/${ticket.id}`, `GET /tickets/${ticket.id}/comments`]);
    const imported = await h.t.database.prisma.ticket.findFirstOrThrow({ where: { subject: "Long thread" }, include: { comments: { orderBy: { createdAt: "asc" } } } });
    expect(imported.comments.map((c) => c.body)).toEqual(Array.from({ length: 45 }, (_, i) => `Reply ${i}`));
  });

  it("resumes a sync cut short by Syncro's rate limit at the page it stopped on, losing and doubling nothing", async () => {
    for (let i = 0; i < 80; i++) h.server.state.addTicket({ customerId: h.customerId, subject: `Resume ${i}` });
    h.takeRequests();
    const from = h.server.requests.length;
    const cutShort = h.sync();
    await until(() => h.server.requests.slice(from).some((r) => r.path === "/tickets" && r.query.page === "2"));
    // Four 429s in a row outlast the client's three retries (each after a whole window).
    h.server.faults.rateLimitNext(4);
    await cutShort;
    const failed = await h.t.database.prisma.integrationEvent.findFirstOrThrow({ where: { kind: "sync", status: "PENDING" } });
    expect(failed.lastError).toMatch(/rate limit/);
    const resumedFrom = h.server.requests.length;
    await h.sync();
    const pages = h.server.requests.slice(resumedFrom).filter((r) => r.path === "/tickets").map((r) => r.query.page);
    expect(pages[0]).toBe("2");
    expect(pages).not.toContain("1");
    const imported = await h.t.database.prisma.ticket.findMany({ where: { subject: { startsWith: "Resume " } }, select: { externalId: true } });
    expect(imported).toHaveLength(80);
    expect(new Set(imported.map((row) => row.externalId)).size).toBe(80);
  });
});
