import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@mspgraph/db";
import { codeOf, gid } from "@mspgraph/schema/testing";
import { type SyncroPluginHarness, startSyncroPluginHarness } from "./testing/plugin-harness.js";

const CREATE = 'mutation ($c: ID!, $s: String!) { createTicket(input: { clientId: $c, subject: $s, description: "Outlook keeps asking for a password" }) { ticket { id provider number statusLabel } } }';
const OPEN = "mutation ($i: CreateTicketInput!) { createTicket(input: $i) { ticket { subject } userErrors { field message code } } }";
const SETTINGS = 'mutation ($k: JSONObject, $c: JSONObject) { updateIntegration(input: { pluginId: "syncro", credentials: $k, config: $c }) { userErrors { field message code } } }';
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
    expect(remote.line_items.map((item) => [item.name, item.description, Number(item.quantity), Number(item.price_retail), Number(item.price_cost)])).toEqual([["YubiKey", "YubiKey", 2, 45, 30]]);
  });

  it("sends the description as the opening comment, emailed only when staff ask, and never imports it again as a comment", async () => {
    const remoteOf = (subject: string) => h.server.state.tickets.all().find((ticket) => ticket.subject === subject)!;
    // A client user's own ticket: the customer is not emailed their own words.
    expect(remoteOf("Outlook prompts").comments[0]).toMatchObject({ subject: "Initial Issue", hidden: false, do_not_email: true });
    const portal = await h.t.gql(OPEN, { i: { clientId: h.fabrikam, subject: "Mail me", description: "Please", notifyCustomer: true } }, { token: viewer });
    expect(portal.data!.createTicket).toEqual({ ticket: null, userErrors: [{ field: "notifyCustomer", code: "FORBIDDEN", message: "only staff choose to email the customer" }] });
    const quiet = await h.t.gql(OPEN, { i: { clientId: h.fabrikam, subject: "Phones quiet", description: "Desk phones lost their line" } }, { token: tech });
    expect(quiet.data!.createTicket.userErrors).toEqual([]);
    expect(remoteOf("Phones quiet").comments.map((c) => c.do_not_email)).toEqual([true]);
    const told = await h.t.gql(OPEN, { i: { clientId: h.fabrikam, subject: "Phones told", description: "We are on it", notifyCustomer: true } }, { token: tech });
    expect(told.data!.createTicket.userErrors).toEqual([]);
    expect(remoteOf("Phones told").comments).toMatchObject([{ subject: "Initial Issue", body: "We are on it", hidden: false, do_not_email: false }]);

    await h.sync();
    const synced = await h.t.database.prisma.ticket.findMany({ where: { subject: { in: ["Outlook prompts", "Phones told"] } }, include: { comments: true }, orderBy: { subject: "asc" } });
    expect(synced.map((ticket) => [ticket.subject, ticket.description, ticket.comments.map((c) => c.body)])).toEqual([
      ["Outlook prompts", "Outlook keeps asking for a password", ["Reset the MFA token"]],
      ["Phones told", "We are on it", []],
    ]);
  });

  it("answers a user error when Syncro requires a ticket type and none is chosen, and uses the default once set, checked against Syncro's", async () => {
    const { state } = h.server;
    state.requireTicketType = true;
    const remoteBefore = state.tickets.all().length;
    h.takeRequests();
    const refused = await h.t.gql(OPEN, { i: { clientId: h.fabrikam, subject: "Needs a type" } }, { token: tech });
    expect(refused.data!.createTicket).toEqual({
      ticket: null,
      userErrors: [
        {
          field: null,
          code: "PROVIDER_SETTING_REQUIRED",
          message: "Syncro requires a ticket type on new tickets and the Syncro connection has no default: an OWNER or ADMIN sets config.defaultTicketTypeId (Syncro's ticket types: Incident (301), Service Request (302))",
        },
      ],
    });
    expect(h.takeRequests()).toEqual(["GET /tickets/settings"]);
    expect(state.tickets.all()).toHaveLength(remoteBefore);
    expect(await h.t.database.prisma.ticket.count({ where: { subject: "Needs a type" } })).toBe(0);

    const credentials = { subdomain: "northwind", apiToken: h.server.token };
    const config = { baseUrl: h.server.url, syncMinutes: 1440 };
    const unknownType = await h.t.gql(SETTINGS, { k: credentials, c: { ...config, defaultTicketTypeId: 999 } }, { token: h.owner });
    expect(unknownType.data!.updateIntegration.userErrors).toEqual([
      { field: "config.defaultTicketTypeId", code: "BAD_USER_INPUT", message: "Syncro has no ticket type 999; its ticket types are: Incident (301), Service Request (302)" },
    ]);
    const unknownProblem = await h.t.gql(SETTINGS, { k: credentials, c: { ...config, defaultTicketTypeId: 302, defaultProblemType: "Plumbing" } }, { token: h.owner });
    expect(unknownProblem.data!.updateIntegration.userErrors).toMatchObject([{ field: "config.defaultProblemType", code: "BAD_USER_INPUT" }]);
    const chosen = await h.t.gql(SETTINGS, { k: credentials, c: { ...config, defaultTicketTypeId: 302, defaultProblemType: "Network" } }, { token: h.owner });
    expect(chosen.data!.updateIntegration.userErrors).toEqual([]);

    const typed = await h.t.gql(OPEN, { i: { clientId: h.fabrikam, subject: "Has a type" } }, { token: tech });
    expect(typed.data!.createTicket).toEqual({ ticket: { subject: "Has a type" }, userErrors: [] });
    expect(state.tickets.all().find((ticket) => ticket.subject === "Has a type")).toMatchObject({ ticket_type_id: 302, problem_type: "Network" });

    // A type chosen without the live check (settings saved alone) and gone in Syncro is caught before sending.
    await h.t.gql(SETTINGS, { c: { ...config, defaultTicketTypeId: 777 } }, { token: h.owner });
    const stale = await h.t.gql(OPEN, { i: { clientId: h.fabrikam, subject: "Stale type" } }, { token: tech });
    expect(stale.data!.createTicket.userErrors).toMatchObject([{ code: "PROVIDER_SETTING_REQUIRED", message: expect.stringContaining("Syncro has no ticket type 777") }]);
    await h.t.gql(SETTINGS, { c: config }, { token: h.owner });
    state.requireTicketType = false;
  });

  it("leaves no local ticket, comment or line item behind when Syncro fails", async () => {
    const ticket = await h.t.database.prisma.ticket.findFirstOrThrow({ where: { subject: "Outlook prompts" } });
    const id = gid("Ticket", ticket.id);
    const before = await counts();
    const remoteBefore = h.server.state.tickets.all().length;
    // The ticket settings are read first and answered; the POST fails.
    h.server.faults.delayNext(1, 0);
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
