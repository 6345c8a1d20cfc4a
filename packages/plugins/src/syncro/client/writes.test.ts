import { describe, expect, it } from "vitest";
import { clientFor, rejectionOf, syncroServerPerTest } from "../testing/test-helpers.js";

// Each test starts its own server; all are closed after it.
const start = syncroServerPerTest();

describe("SyncroClient writing to Syncro", () => {
  it("adds a private note in the technician's name", async () => {
    const server = await start();
    const ticket = server.state.addTicket();
    const comment = await clientFor(server).addComment(ticket.id, {
      subject: "Backup failed",
      body: "Nightly backup of FS01 failed; investigating.",
      tech: "Dana Reyes",
      hidden: true,
      doNotEmail: true,
    });

    const request = server.requests.find((entry) => entry.method === "POST");
    expect(request?.body).toEqual({ subject: "Backup failed", body: "Nightly backup of FS01 failed; investigating.", tech: "Dana Reyes", hidden: true, do_not_email: true });
    const stored = server.state.ticket(ticket.id)?.comments;
    expect(stored).toHaveLength(1);
    expect(stored?.[0]).toMatchObject({ hidden: true, tech: "Dana Reyes", do_not_email: true, user_id: server.state.apiUserId });
    expect(comment).toMatchObject({ id: stored?.[0]?.id, hidden: true, tech: "Dana Reyes", doNotEmail: true, userId: server.state.apiUserId });
  });

  it("creates a ticket with a first comment in one request", async () => {
    const server = await start();
    const customer = server.state.addCustomer({ businessName: "Acme Ltd" });
    const contact = server.state.addContact({ customerId: customer.id, name: "Jo Bloggs" });
    const ticket = await clientFor(server).createTicket({
      customerId: customer.id,
      subject: "Email not syncing",
      problemType: "Software",
      contactId: contact.id,
      comment: { body: "Outlook asks for the password again and again", hidden: false },
    });
    expect(ticket).toMatchObject({ customerId: customer.id, contactId: contact.id, subject: "Email not syncing", status: "New", problemType: "Software" });
    expect(ticket.comments).toMatchObject([{ subject: "Initial Issue", body: "Outlook asks for the password again and again", hidden: false }]);
    expect(server.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(["POST /tickets"]);
    // Syncro emails a comment unless told not to: the first one is not, unless asked.
    expect(server.requests[0]?.body).toMatchObject({ comments_attributes: [{ subject: "Initial Issue", hidden: false, do_not_email: true }] });
    expect(server.state.ticket(ticket.id)?.comments[0]?.do_not_email).toBe(true);
  });

  it("creates a ticket with a ticket type where the account requires one, which Syncro refuses without", async () => {
    const server = await start();
    const customer = server.state.addCustomer({ businessName: "Acme Ltd" });
    server.state.requireTicketType = true;
    const client = clientFor(server);
    const settings = await client.ticketSettings();
    expect(settings).toMatchObject({ requireTicketType: true, ticketTypes: [{ id: 301, name: "Incident" }, { id: 302, name: "Service Request" }], users: [{ id: server.state.apiUserId }] });
    const refused = await rejectionOf(client.createTicket({ customerId: customer.id, subject: "No type" }));
    expect(refused).toMatchObject({ kind: "bad_request", status: 422 });
    const ticket = await client.createTicket({ customerId: customer.id, subject: "Typed", ticketTypeId: 302, problemType: "Network" });
    expect(server.requests.at(-1)?.body).toMatchObject({ ticket_type_id: 302, problem_type: "Network" });
    expect(server.state.ticket(ticket.id)).toMatchObject({ ticket_type_id: 302, problem_type: "Network" });
  });

  it("updates status, subject and technician, sending only what changed", async () => {
    const server = await start();
    const ticket = server.state.addTicket({ createdAt: new Date("2025-02-01T09:00:00Z") });
    const updated = await clientFor(server).updateTicket(ticket.id, { status: "Resolved", userId: 12 });
    expect(server.requests[0]?.body).toEqual({ status: "Resolved", user_id: 12 });
    expect(updated).toMatchObject({ status: "Resolved", userId: 12, subject: ticket.subject });
    expect(updated.resolvedAt).toBeInstanceOf(Date);
    expect(updated.updatedAt?.getTime()).toBeGreaterThan(new Date("2025-02-01T09:00:00Z").getTime());
  });

  it("refuses a status the account does not have with the status, never Syncro's words", async () => {
    const server = await start();
    const ticket = server.state.addTicket();
    const error = await rejectionOf(clientFor(server).updateTicket(ticket.id, { status: "Closed" }));
    expect(error).toMatchObject({ kind: "bad_request", status: 422, message: `Syncro answered 422 (request rejected) on PUT /tickets/${ticket.id}` });
    expect(error.message).not.toContain("is not a ticket status");
  });

  it("adds and removes a line item", async () => {
    const server = await start();
    const ticket = server.state.addTicket();
    const client = clientFor(server);
    const item = await client.addLineItem(ticket.id, { name: "Backup licence", productId: 31, quantity: 2, priceCost: 3.5, priceRetail: 9.99, taxable: true });
    // Syncro refuses a line item without a description, even with a product: the name goes.
    expect(server.requests[0]?.body).toEqual({ name: "Backup licence", description: "Backup licence", product_id: 31, quantity: 2, price_cost: 3.5, price_retail: 9.99, taxable: true });
    expect(item).toMatchObject({ name: "Backup licence", description: "Backup licence", productId: 31, quantity: 2, priceCost: 3.5, priceRetail: 9.99, taxable: true });

    const changed = await client.updateLineItem(ticket.id, item.id, { quantity: 3, description: "Backup licence, yearly" });
    expect(server.requests[1]).toMatchObject({ method: "PUT", path: `/tickets/${ticket.id}/update_line_item`, body: { ticket_line_item_id: item.id, quantity: 3, description: "Backup licence, yearly" } });
    expect(changed).toMatchObject({ id: item.id, quantity: 3, description: "Backup licence, yearly", priceRetail: 9.99 });

    await client.removeLineItem(ticket.id, item.id);
    expect(server.requests[2]?.body).toEqual({ ticket_line_item_id: item.id });
    expect(server.state.ticket(ticket.id)?.line_items).toEqual([]);
    const again = await rejectionOf(client.removeLineItem(ticket.id, item.id));
    expect(again.kind).toBe("not_found");
  });
});

describe("SyncroClient reading customers, contacts and settings", () => {
  it("searches customers and gets one by id", async () => {
    const server = await start();
    server.state.addCustomer({ businessName: "Acme Ltd", email: "it@acme.example" });
    const person = server.state.addCustomer({ businessName: null, firstName: "Ana", lastName: "Lima" });
    const client = clientFor(server);
    const { customers, meta } = await client.listCustomers({ query: "lima" });
    expect(customers.map((customer) => customer.displayName)).toEqual(["Ana Lima"]);
    expect(meta.totalEntries).toBe(1);
    expect(server.requests[0]?.query).toEqual({ query: "lima" });
    await expect(client.getCustomer(person.id)).resolves.toMatchObject({ id: person.id, businessName: null, firstName: "Ana", lastName: "Lima" });
  });

  it("lists a customer's contacts", async () => {
    const server = await start();
    const acme = server.state.addCustomer({ businessName: "Acme Ltd" });
    const other = server.state.addCustomer({ businessName: "Other plc" });
    server.state.addContact({ customerId: acme.id, name: "Jo Bloggs", email: "jo@acme.example" });
    server.state.addContact({ customerId: other.id, name: "Sam Smith" });
    const { contacts } = await clientFor(server).listContacts({ customerId: acme.id });
    expect(contacts).toMatchObject([{ customerId: acme.id, name: "Jo Bloggs", email: "jo@acme.example", phone: null }]);
  });

  it("reads the account's ticket statuses", async () => {
    const server = await start();
    server.state.statuses.push("Waiting on Vendor");
    const settings = await clientFor(server).ticketSettings();
    expect(settings.statuses).toEqual([
      "New",
      "In Progress",
      "Resolved",
      "Invoiced",
      "Waiting for Parts",
      "Waiting on Customer",
      "Scheduled",
      "Customer Reply",
      "Waiting on Vendor",
    ]);
    expect(settings.problemTypes).toContain("Hardware");
  });
});
