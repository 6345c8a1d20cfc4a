import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, createTestApi, gid } from "../testing/test-api.js";

const partnerId = seedId("partner", "northwind-msp");
const clientId = seedId("client", "fabrikam");
const names = (connection: { edges: Array<{ node: Record<string, string> }> }, field: string) => connection.edges.map(({ node }) => node[field]).sort();

// Searching for "%" or "_" finds only rows that contain that character, not every row.
describe("search text matches literally", () => {
  let t: TestApi;
  let owner: string;
  beforeAll(async () => {
    t = await createTestApi();
    owner = await t.tokenFor("owner@northwind-msp.test");
    const { prisma } = t.database;
    await prisma.client.create({ data: { partnerId, name: "100% Uptime", domain: "uptime.test" } });
    await prisma.client.create({ data: { partnerId, name: "Snake Case", domain: "snake_case.test" } });
    const site = await prisma.site.findFirstOrThrow({ where: { clientId } });
    await prisma.agent.create({ data: { partnerId, clientId, siteId: site.id, hostname: "FAB_PRINT", os: "Windows" } });
    await prisma.document.create({ data: { partnerId, clientId, title: "Discounts 10%", body: "-" } });
    await prisma.ticket.create({ data: { partnerId, clientId, number: 9001, subject: "CPU at 100%" } });
    await prisma.ticket.create({ data: { partnerId, clientId, number: 9002, subject: "Printer jammed" } });
    await prisma.partner.create({ data: { name: "50% Off MSP", slug: "fifty-off" } });
  });
  afterAll(() => t.close());

  it("in clients (name or domain), agents, documents and tickets", async () => {
    const query = `query ($clientId: ID!, $pct: String!, $under: String!) {
      pctClients: clients(first: 50, filter: { search: $pct }) { edges { node { name } } }
      underClients: clients(first: 50, filter: { search: $under }) { edges { node { name } } }
      agents(first: 50, filter: { search: $under }) { edges { node { hostname } } }
      documents(first: 50, clientId: $clientId, filter: { search: $pct }) { edges { node { title } } }
      tickets(first: 50, filter: { search: $pct }) { edges { node { subject } } }
    }`;
    const result = await t.gql(query, { clientId: gid("Client", clientId), pct: "%", under: "_" }, { token: owner });
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(names(data.pctClients, "name")).toEqual(["100% Uptime"]);
    expect(names(data.underClients, "name")).toEqual(["Snake Case"]);
    expect(names(data.agents, "hostname")).toEqual(["FAB_PRINT"]);
    expect(names(data.documents, "title")).toEqual(["Discounts 10%"]);
    expect(names(data.tickets, "subject")).toEqual(["CPU at 100%"]);
  });

  it("in partners and in audit action prefixes", async () => {
    const admin = await t.tokenFor("admin@mspgraph.test");
    const partners = await t.gql('{ partners(first: 50, filter: { search: "%" }) { totalCount edges { node { name } } } }', {}, { token: admin });
    expect(partners.data!.partners.totalCount).toBe(1);
    expect(names(partners.data!.partners, "name")).toEqual(["50% Off MSP"]);
    // "auth_*" would match "auth.login" if "_" stood for any character.
    const audit = await t.gql('{ auditEvents(first: 50, filter: { action: "auth_*" }) { totalCount } all: auditEvents(first: 50, filter: { action: "auth.*" }) { totalCount } }', {}, { token: admin });
    expect(audit.data!.all.totalCount).toBeGreaterThan(0);
    expect(audit.data!.auditEvents.totalCount).toBe(0);
  });
});
