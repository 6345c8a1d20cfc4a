import { describe, expect, it } from "vitest";
import { clientFor, countRequests, syncroServerPerTest } from "../testing/test-helpers.js";
import type { TSyncroPageProgress } from "./client.js";

// Each test starts its own server; all are closed after it.
const start = syncroServerPerTest();

describe("SyncroClient reading tickets", () => {
  it("walks every page of 60 tickets and reports page N of 3", async () => {
    const server = await start();
    for (let i = 0; i < 60; i++) server.state.addTicket();
    const progress: TSyncroPageProgress[] = [];
    const ids: number[] = [];
    for await (const ticket of clientFor(server).allTickets({}, (page) => progress.push(page))) ids.push(ticket.id);

    expect(new Set(ids).size).toBe(60);
    expect(progress).toEqual([
      // Syncro's ticket meta has no total_entries.
      { page: 1, totalPages: 3, totalEntries: null, ticketsOnPage: 25 },
      { page: 2, totalPages: 3, totalEntries: null, ticketsOnPage: 25 },
      { page: 3, totalPages: 3, totalEntries: null, ticketsOnPage: 10 },
    ]);
    expect(server.requests.map((request) => request.query.page)).toEqual(["1", "2", "3"]);
  });

  it("returns Syncro's paging meta with one page", async () => {
    const server = await start();
    for (let i = 0; i < 30; i++) server.state.addTicket();
    const { tickets, meta } = await clientFor(server).listTickets({ page: 2 });
    expect(tickets).toHaveLength(5);
    expect(meta).toEqual({ totalPages: 2, totalEntries: null, perPage: null, page: 2 });
  });

  it("fetches no further page once the loop stops early", async () => {
    const server = await start();
    for (let i = 0; i < 60; i++) server.state.addTicket();
    const seen: number[] = [];
    for await (const ticket of clientFor(server).allTickets()) {
      seen.push(ticket.id);
      break;
    }
    expect(seen).toHaveLength(1);
    expect(countRequests(server, { path: "/tickets" })).toBe(1);
  });

  it("with sinceUpdatedAt returns only the tickets changed since then", async () => {
    const server = await start();
    const old = new Date("2025-01-15T10:00:00Z");
    const seeded = Array.from({ length: 10 }, () => server.state.addTicket({ createdAt: old }));
    const checkpoint = new Date("2025-06-01T00:00:00Z");
    const changed = [seeded[2], seeded[5], seeded[9]].map((ticket) => server.state.touchTicket(ticket?.id ?? 0, new Date("2025-06-02T08:30:00Z")).id);

    const tickets = [];
    for await (const ticket of clientFor(server).allTickets({ sinceUpdatedAt: checkpoint })) tickets.push(ticket);
    expect(tickets.map((ticket) => ticket.id).sort((a, b) => a - b)).toEqual(changed);
    expect(server.requests[0]?.query.since_updated_at).toBe("2025-06-01T00:00:00.000Z");
    expect(tickets[0]?.updatedAt).toEqual(new Date("2025-06-02T08:30:00Z"));
  });

  it("filters by customer and status", async () => {
    const server = await start();
    const acme = server.state.addCustomer({ businessName: "Acme Ltd" });
    const other = server.state.addCustomer({ businessName: "Other plc" });
    server.state.addTicket({ customerId: acme.id, status: "In Progress" });
    server.state.addTicket({ customerId: acme.id, status: "New" });
    server.state.addTicket({ customerId: other.id, status: "In Progress" });
    const { tickets } = await clientFor(server).listTickets({ customerId: acme.id, status: "In Progress" });
    expect(tickets.map((ticket) => [ticket.customerId, ticket.status])).toEqual([[acme.id, "In Progress"]]);
  });

  it("parses sparse tickets: no customer or contact name, no comments in the list", async () => {
    const server = await start();
    const seeded = server.state.addTicket({ subject: "Printer offline" });
    const [listed] = (await clientFor(server).listTickets()).tickets;
    expect(listed).toMatchObject({
      id: seeded.id,
      number: String(seeded.number),
      subject: "Printer offline",
      status: "New",
      customerName: null,
      contactId: null,
      contactName: null,
      userId: null,
      problemType: null,
      resolvedAt: null,
      comments: [],
      lineItems: [],
    });
    expect(listed?.createdAt).toBeInstanceOf(Date);
  });

  it("gets one ticket with its comments and line items", async () => {
    const server = await start();
    const seeded = server.state.addTicket();
    server.state.tickets.addComment(seeded.id, { subject: "Update", body: "Rebooted", tech: "Sam", hidden: true, doNotEmail: true, smsBody: null, userId: 3 });
    server.state.tickets.addLineItem(seeded.id, { name: "Labour", productId: null, description: null, quantity: 1.5, priceCost: 0, priceRetail: 90, taxable: false });
    const ticket = await clientFor(server).getTicket(seeded.id);
    expect(ticket.comments).toMatchObject([{ subject: "Update", body: "Rebooted", tech: "Sam", hidden: true, doNotEmail: true, userId: 3 }]);
    // Decimals arrive as strings ("1.5", "90.00") and come out as numbers.
    expect(ticket.lineItems).toMatchObject([{ name: "Labour", quantity: 1.5, priceCost: 0, priceRetail: 90, productId: null }]);
  });

  it("gets a ticket with its customer and contact embedded, and a long thread whole from /comments", async () => {
    const server = await start();
    const customer = server.state.addCustomer({ businessName: "Acme Ltd", email: "office@acme.test" });
    const contact = server.state.addContact({ customerId: customer.id, name: "Ann Lee", email: "ann@acme.test" });
    const seeded = server.state.addTicket({ customerId: customer.id, contactId: contact.id });
    for (let i = 0; i < 130; i++) server.state.tickets.addComment(seeded.id, { subject: "Update", body: `Step ${i}`, tech: "Sam", hidden: false, doNotEmail: false, smsBody: null, userId: null });
    const client = clientFor(server);
    const ticket = await client.getTicket(seeded.id);
    expect(ticket.customer).toMatchObject({ id: customer.id, displayName: "Acme Ltd", email: "office@acme.test" });
    expect(ticket.contact).toMatchObject({ id: contact.id, name: "Ann Lee", email: "ann@acme.test" });
    // The payload cuts the thread short; the comments endpoint pages all of it (100 a page here).
    expect(ticket.comments).toHaveLength(20);
    const thread = await client.ticketComments(seeded.id);
    expect(thread.map((comment) => comment.body)).toEqual(Array.from({ length: 130 }, (_, i) => `Step ${i}`));
    expect(server.requests.filter((request) => request.path === `/tickets/${seeded.id}/comments`).map((request) => request.query)).toEqual([
      { page: "1", per_page: "100" },
      { page: "2", per_page: "100" },
    ]);
  });
});
