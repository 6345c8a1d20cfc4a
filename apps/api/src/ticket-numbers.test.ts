import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi, gid } from "./testing/test-api.js";

const CREATE = "mutation ($i: CreateTicketInput!) { createTicket(input: $i) { ticket { number client { name } } userErrors { field message } } }";
const NUMBERS = "{ tickets(first: 100) { totalCount edges { node { number } } } }";

// Each partner's client users, of two clients each: none of them can see the others' tickets.
const PORTAL_USERS = {
  "northwind-msp": [
    { email: "viewer@fabrikam.test", client: "fabrikam" },
    { email: "admin@tailspin.test", client: "tailspin" },
  ],
  "contoso-it": [
    { email: "admin@litware.test", client: "litware" },
    { email: "admin@alpine.test", client: "alpine" },
  ],
};
const PER_CLIENT = 20;

describe("ticket numbers", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  it("stay unique per partner when client users of several clients open tickets at once", async () => {
    const staffNumbers = async (email: string) => {
      const result = await t.gql(NUMBERS, {}, { token: await t.tokenFor(email) });
      return (result.data!.tickets.edges as Array<{ node: { number: number } }>).map((edge) => edge.node.number);
    };
    const before = { "northwind-msp": await staffNumbers("owner@northwind-msp.test"), "contoso-it": await staffNumbers("owner@contoso-it.test") };
    // The sample tickets are there, spread over two clients per partner: the case that collided.
    expect(before["northwind-msp"].length).toBeGreaterThan(0);
    expect(before["contoso-it"].length).toBeGreaterThan(0);

    const users = Object.entries(PORTAL_USERS).flatMap(([partner, list]) => list.map((user) => ({ ...user, partner })));
    const tokens = new Map<string, string>();
    for (const user of users) tokens.set(user.email, await t.tokenFor(user.email));
    const calls = users.flatMap((user) =>
      Array.from({ length: PER_CLIENT }, async (_, index) => {
        const token = tokens.get(user.email);
        const result = await t.gql(CREATE, { i: { clientId: gid("Client", seedId("client", user.client)), subject: `Portal ticket ${index}` } }, { token });
        return { partner: user.partner, result };
      }),
    );
    const results = await Promise.all(calls);
    for (const { result } of results) {
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data!.createTicket.userErrors).toEqual([]);
    }

    for (const [partner, owner] of [["northwind-msp", "owner@northwind-msp.test"], ["contoso-it", "owner@contoso-it.test"]] as const) {
      const created = results.filter((r) => r.partner === partner).map((r) => r.result.data!.createTicket.ticket.number as number);
      const highest = Math.max(...before[partner]);
      // Every new number is the partner's own next one: no gaps, no repeats, no other partner's numbering.
      expect([...created].sort((a, b) => a - b)).toEqual(Array.from({ length: 2 * PER_CLIENT }, (_, index) => highest + 1 + index));
      const all = await staffNumbers(owner);
      expect(new Set(all).size).toBe(all.length);
      expect(all).toHaveLength(before[partner].length + 2 * PER_CLIENT);
    }
  });

  it("let a VIEW_ONLY client user open a ticket and comment publicly on it, but not post internal notes", async () => {
    const viewer = await t.tokenFor("viewer@litware.test");
    const opened = await t.gql(CREATE, { i: { clientId: gid("Client", seedId("client", "litware")), subject: "Scanner jammed" } }, { token: viewer });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.createTicket).toMatchObject({ ticket: { client: { name: "Litware Law" } }, userErrors: [] });
    const ticketId = (await t.gql("{ tickets(first: 1, filter: { search: \"Scanner jammed\" }) { edges { node { id } } } }", {}, { token: viewer })).data!.tickets.edges[0].node.id;
    const COMMENT = "mutation ($i: AddTicketCommentInput!) { addTicketComment(input: $i) { comment { body hidden } userErrors { field code } } }";
    const reply = await t.gql(COMMENT, { i: { ticketId, body: "It happens every morning." } }, { token: viewer });
    expect(reply.data!.addTicketComment).toEqual({ comment: { body: "It happens every morning.", hidden: false }, userErrors: [] });
    const note = await t.gql(COMMENT, { i: { ticketId, body: "psst", hidden: true } }, { token: viewer });
    expect(note.data!.addTicketComment.userErrors).toEqual([{ field: "hidden", code: "FORBIDDEN" }]);
    // Working the ticket stays with staff.
    expect(codeOf(await t.gql('mutation ($id: ID!) { changeTicketStatus(input: { id: $id, status: CLOSED }) { ticket { id } } }', { id: ticketId }, { token: viewer }))).toBe("FORBIDDEN");
  });
});
