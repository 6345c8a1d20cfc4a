import { seedId } from "@mspgraph/db";
import { testDatabaseKind } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, type TestApi, createTestApi, gid } from "./testing/test-api.js";

const ALERTS = "subscription { alertChanged { change alert { status message } } }";
const ACK = "mutation ($i: AlertActionInput!) { acknowledgeAlert(input: $i) { alert { status } userErrors { code } } }";

// Two API instances over one PostgreSQL database, as behind a load balancer: what changes
// through one reaches live subscribers on the other (LISTEN/NOTIFY). PGlite is one process.
describe.skipIf(testDatabaseKind() !== "postgres")("live updates across two API instances", () => {
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    a = await createTestApi();
    b = await createTestApi({ sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("delivers an alert acknowledged through instance A to a subscriber on instance B, and to no other partner's", async () => {
    const alert = await a.database.prisma.alert.create({
      data: { partnerId: seedId("partner", "northwind-msp"), clientId: seedId("client", "fabrikam"), severity: "CRITICAL", source: "test", message: "Fabrikam server down" },
    });
    const onB = await b.subscribe(ALERTS, {}, { token: await b.tokenFor("tech@northwind-msp.test") });
    const otherPartner = await b.subscribe(ALERTS, {}, { token: await b.tokenFor("tech@contoso-it.test") });
    // Give the subscriptions a moment to be registered before publishing.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const result = await a.gql(ACK, { i: { id: gid("Alert", alert.id) } }, { token: await a.tokenFor("tech@northwind-msp.test") });
    expect(result.data?.acknowledgeAlert).toEqual({ alert: { status: "ACKNOWLEDGED" }, userErrors: [] });

    const heard = (await onB.next(5000)) as GraphQLResponse;
    expect(heard.data?.alertChanged).toEqual({ change: "UPDATED", alert: { status: "ACKNOWLEDGED", message: "Fabrikam server down" } });
    expect(await otherPartner.next(500)).toBe("timeout");
    for (const sub of [onB, otherPartner]) sub.close();
  });

  it("streams ticketChanged from A to B: staff of the partner and the ticket's own client users, never another client's, and no internal note to clients", async () => {
    const TICKETS = "subscription { ticketChanged { change ticket { subject } } }";
    const COMMENT = "mutation ($i: AddTicketCommentInput!) { addTicketComment(input: $i) { userErrors { code } } }";
    const ticket = await a.database.prisma.ticket.findFirstOrThrow({ where: { clientId: seedId("client", "fabrikam") } });
    const staff = await b.subscribe(TICKETS, {}, { token: await b.tokenFor("tech@northwind-msp.test") });
    const ownClient = await b.subscribe(TICKETS, {}, { token: await b.tokenFor("viewer@fabrikam.test") });
    const otherClient = await b.subscribe(TICKETS, {}, { token: await b.tokenFor("admin@tailspin.test") });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const token = await a.tokenFor("tech@northwind-msp.test");
    await a.gql(COMMENT, { i: { ticketId: gid("Ticket", ticket.id), body: "Internal: swap the toner", hidden: true } }, { token });
    await a.gql(COMMENT, { i: { ticketId: gid("Ticket", ticket.id), body: "We are on our way" } }, { token });

    const expected = { change: "COMMENTED", ticket: { subject: ticket.subject } };
    expect(((await staff.next(5000)) as GraphQLResponse).data?.ticketChanged).toEqual(expected);
    expect(((await staff.next(5000)) as GraphQLResponse).data?.ticketChanged).toEqual(expected);
    // The client user hears the public reply only: the first message is it, and nothing follows.
    expect(((await ownClient.next(5000)) as GraphQLResponse).data?.ticketChanged).toEqual(expected);
    expect(await ownClient.next(500)).toBe("timeout");
    expect(await otherClient.next(500)).toBe("timeout");
    for (const sub of [staff, ownClient, otherClient]) sub.close();
  });
});
