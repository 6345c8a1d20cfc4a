import { seedId } from "@mspgraph/db";
import { ProviderError, type TicketProvider, importProviderTicket, createPluginContext } from "@mspgraph/schema";
import { createLogger } from "@mspgraph/schema/server";
import { type TestApi, codeOf, createTestApi, gid } from "@mspgraph/schema/testing";
import { z } from "zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { psaPlugin } from "../psa/index.js";
import { definePlugin } from "./define-plugin.js";

// A provider that keeps tickets "elsewhere": an in-memory service that can be told to refuse.
type Call = { method: string; input: Record<string, unknown> };
const service = { calls: [] as Call[], refuse: false, next: 100 };
const remote = <Result>(method: string, result: () => Result) => async (_context: unknown, input: Record<string, unknown>) => {
  if (service.refuse) throw new ProviderError("the service is down for maintenance", { reason: "UNAVAILABLE" });
  service.calls.push({ method, input });
  return result();
};
const newId = () => ({ externalId: String(service.next++) });
const elsewhere: TicketProvider = {
  createTicket: remote("createTicket", newId),
  addComment: remote("addComment", newId),
  changeStatus: remote("changeStatus", () => undefined),
  addTimeEntry: remote("addTimeEntry", newId),
  addLineItem: remote("addLineItem", newId),
  removeLineItem: remote("removeLineItem", () => undefined),
};
const outsidePsa = definePlugin({
  id: "outside-psa",
  name: "Outside PSA",
  version: "0.1.0",
  capabilities: ["tickets"],
  credentialsSchema: z.object({ token: z.string() }),
  configSchema: z.object({}),
  tickets: elsewhere,
});

const fabrikam = gid("Client", seedId("client", "fabrikam"));

describe("the tickets capability: write-through to the partner's provider", () => {
  let t: TestApi;
  let owner: string;
  let viewer: string;
  const counts = async () => ({
    tickets: await t.database.prisma.ticket.count(),
    comments: await t.database.prisma.ticketComment.count(),
    lineItems: await t.database.prisma.lineItem.count(),
  });

  beforeAll(async () => {
    t = await createTestApi({ plugins: [psaPlugin, outsidePsa] });
    owner = await t.tokenFor("owner@northwind-msp.test");
    viewer = await t.tokenFor("viewer@fabrikam.test");
  });
  beforeEach(() => {
    service.calls = [];
    service.refuse = false;
  });
  afterAll(() => t.close());

  const SET = 'mutation ($p: String!) { setTicketProvider(input: { pluginId: $p }) { partner { ticketProvider } userErrors { field message code } } }';

  it("lets a partner choose a connected ticket provider, and only then", async () => {
    const early = await t.gql(SET, { p: "outside-psa" }, { token: owner });
    expect(early.data!.setTicketProvider.userErrors).toEqual([{ field: "pluginId", message: "connect Outside PSA first", code: "BAD_USER_INPUT" }]);
    expect((await t.gql(SET, { p: "nope" }, { token: owner })).data!.setTicketProvider.userErrors[0].code).toBe("NOT_FOUND");
    await t.gql('mutation { connectIntegration(input: { pluginId: "outside-psa", credentials: { token: "t0ken" } }) { userErrors { message } } }', {}, { token: owner });
    expect((await t.gql(SET, { p: "outside-psa" }, { token: owner })).data!.setTicketProvider.partner).toEqual({ ticketProvider: "outside-psa" });
    const list = await t.gql("{ integrations(first: 10) { edges { node { pluginId } } } }", {}, { token: owner });
    expect(list.data!.integrations.edges.map((e: { node: { pluginId: string } }) => e.node.pluginId)).toEqual(["outside-psa"]);
  });

  it("writes to the provider first and keeps its ids on the local copy", async () => {
    const created = await t.gql('mutation ($c: ID!) { createTicket(input: { clientId: $c, subject: "VPN drops" }) { ticket { id provider number } } }', { c: fabrikam }, { token: viewer });
    const ticket = created.data!.createTicket.ticket;
    // Northwind's three sample tickets (kept by the built-in psa) hold numbers 1 to 3: one numbering per partner, whichever provider.
    expect(ticket).toMatchObject({ provider: "outside-psa", number: 4 });
    await t.gql('mutation ($id: ID!) { addTicketComment(input: { ticketId: $id, body: "Checked the tunnel", hidden: true, tech: "Sam" }) { comment { id } } }', { id: ticket.id }, { token: owner });
    await t.gql('mutation ($id: ID!) { changeTicketStatus(input: { id: $id, status: IN_PROGRESS }) { ticket { status } } }', { id: ticket.id }, { token: owner });
    expect(service.calls.map((call) => call.method)).toEqual(["createTicket", "addComment", "changeStatus"]);
    expect(service.calls[0]!.input).toMatchObject({ subject: "VPN drops", contactEmail: "viewer@fabrikam.test", priority: "NORMAL" });
    expect(service.calls[1]!.input).toEqual({ ticketExternalId: expect.any(String), body: "Checked the tunnel", hidden: true, tech: "Sam" });
    const stored = await t.database.prisma.ticket.findFirstOrThrow({ where: { provider: "outside-psa" }, include: { comments: true } });
    expect(stored.externalId).toBe(service.calls[1]!.input.ticketExternalId);
    expect(stored.comments[0]!.externalId).toEqual(expect.any(String));
  });

  it("saves nothing locally when the provider refuses, and says so with a code", async () => {
    const before = await counts();
    const ticket = await t.database.prisma.ticket.findFirstOrThrow({ where: { provider: "outside-psa" } });
    const ticketId = gid("Ticket", ticket.id);
    service.refuse = true;
    const created = await t.gql('mutation ($c: ID!) { createTicket(input: { clientId: $c, subject: "Lost?" }) { ticket { id } } }', { c: fabrikam }, { token: owner });
    expect(codeOf(created)).toBe("PROVIDER_ERROR");
    expect(created.errors![0]!.message).toBe("Outside PSA did not accept the new ticket, so nothing was saved: the service is down for maintenance");
    expect(created.errors![0]!.extensions).toEqual({ code: "PROVIDER_ERROR", reason: "UNAVAILABLE", provider: "outside-psa" });
    const comment = await t.gql('mutation ($id: ID!) { addTicketComment(input: { ticketId: $id, body: "lost?" }) { comment { id } } }', { id: ticketId }, { token: owner });
    expect(codeOf(comment)).toBe("PROVIDER_ERROR");
    const line = await t.gql('mutation ($id: ID!) { addLineItem(input: { ticketId: $id, name: "Router", quantity: "1", unitPrice: "99.00" }) { lineItem { id } } }', { id: ticketId }, { token: owner });
    expect(codeOf(line)).toBe("PROVIDER_ERROR");
    const status = await t.gql('mutation ($id: ID!) { changeTicketStatus(input: { id: $id, status: CLOSED }) { ticket { status } } }', { id: ticketId }, { token: owner });
    expect(codeOf(status)).toBe("PROVIDER_ERROR");
    expect(await counts()).toEqual(before);
    expect((await t.database.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("IN_PROGRESS");
  });

  it("refuses writes on a disconnected provider's tickets with PROVIDER_UNAVAILABLE", async () => {
    await t.gql('mutation { disconnectIntegration(input: { pluginId: "outside-psa" }) { userErrors { message } } }', {}, { token: owner });
    const created = await t.gql('mutation ($c: ID!) { createTicket(input: { clientId: $c, subject: "Anyone?" }) { ticket { id } } }', { c: fabrikam }, { token: owner });
    expect(codeOf(created)).toBe("PROVIDER_UNAVAILABLE");
    expect(service.calls).toEqual([]);
    expect((await t.gql(SET, { p: "psa" }, { token: owner })).data!.setTicketProvider.partner).toEqual({ ticketProvider: "psa" });
    const local = await t.gql('mutation ($c: ID!) { createTicket(input: { clientId: $c, subject: "Back home" }) { ticket { provider } } }', { c: fabrikam }, { token: owner });
    expect(local.data!.createTicket.ticket).toEqual({ provider: "psa" });
  });

  it("imports a provider's ticket once, however often it is imported", async () => {
    await t.gql('mutation { connectIntegration(input: { pluginId: "outside-psa", credentials: { token: "t0ken" } }) { userErrors { message } } }', {}, { token: owner });
    const connection = await t.database.prisma.integrationConnection.findFirstOrThrow({ where: { pluginId: "outside-psa" } });
    const context = createPluginContext({ root: t.database.prisma, keyRing: t.keyRing, logger: createLogger({ level: "silent" }), connection });
    const record = {
      externalId: "9001",
      clientId: seedId("client", "fabrikam"),
      subject: "Imported",
      description: "From the provider",
      status: "SCHEDULED" as const,
      statusLabel: "Waiting for Parts",
      priority: "HIGH" as const,
      contactEmail: "VIEWER@fabrikam.test",
      createdAt: new Date("2026-11-01T10:00:00Z"),
      updatedAt: new Date("2026-11-02T10:00:00Z"),
      comments: [{ externalId: "c1", body: "Parts ordered", hidden: false, tech: "Dana", createdAt: new Date("2026-11-01T11:00:00Z") }],
      lineItems: [{ externalId: "l1", name: "SSD", quantity: "1", unitPrice: "120.00", costPrice: "80.00" }],
    };
    expect(await importProviderTicket(context, record)).toBe("created");
    expect(await importProviderTicket(context, { ...record, lineItems: [] })).toBe("updated");
    expect(await importProviderTicket(context, { ...record, clientId: null })).toBe("skipped");
    const stored = await t.database.prisma.ticket.findMany({ where: { externalId: "9001" }, include: { comments: true, lineItems: true, contact: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ statusLabel: "Waiting for Parts", priority: "HIGH", contact: { email: "viewer@fabrikam.test" }, lineItems: [] });
    expect(stored[0]!.comments.map((c) => c.body)).toEqual(["Parts ordered"]);
    const shown = await t.gql("query ($id: ID!) { ticket(id: $id) { status statusLabel } }", { id: gid("Ticket", stored[0]!.id) }, { token: owner });
    expect(shown.data!.ticket).toEqual({ status: "SCHEDULED", statusLabel: "Waiting for Parts" });
  });
});
