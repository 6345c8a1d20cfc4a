import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopedPrisma } from "../../tenant-scope.js";
import { type TestApi, codeOf, createTestApi, gid } from "../../testing/test-api.js";

const fabrikam = gid("Client", seedId("client", "fabrikam"));
const tailspin = gid("Client", seedId("client", "tailspin"));
const tailspinPlan = gid("BackupPlan", seedId("backup-plan", "TSV-NAS", "NAS to Wasabi"));
const SUMMARY = "query ($id: ID!) { client(id: $id) { name backupSummary { ok failed missed running unknown } } }";
const PLANS = "{ backupPlans(first: 100) { totalCount edges { node { computerName planName state client { name } agent { hostname } } } } }";

describe("backup plans by who is asking", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  it("shows a client user its own client's summary and plan states, and nothing of another client", async () => {
    const viewer = await t.tokenFor("viewer@fabrikam.test");
    const own = await t.gql(SUMMARY, { id: fabrikam }, { token: viewer });
    expect(own.data!.client).toEqual({ name: "Fabrikam Dental", backupSummary: { ok: 2, failed: 1, missed: 1, running: 1, unknown: 1 } });
    const plans = await t.gql(PLANS, {}, { token: viewer });
    expect(plans.data!.backupPlans.totalCount).toBe(6);
    expect(new Set(plans.data!.backupPlans.edges.map((edge: { node: { client: { name: string } } }) => edge.node.client.name))).toEqual(new Set(["Fabrikam Dental"]));
    expect(plans.data!.backupPlans.edges.map((edge: { node: { state: string } }) => edge.node.state).sort()).toEqual(["FAILED", "MISSED", "OK", "OK", "RUNNING", "UNKNOWN"]);

    const other = await t.gql(SUMMARY, { id: tailspin }, { token: viewer });
    expect([codeOf(other), JSON.stringify(other)]).toEqual(["NOT_FOUND", expect.not.stringContaining("Tailspin")]);
    expect((await t.gql("query ($id: ID!) { node(id: $id) { id } }", { id: tailspinPlan }, { token: viewer })).data!.node).toBeNull();
    const filtered = await t.gql("query ($c: ID!) { backupPlans(first: 10, filter: { clientId: $c }) { totalCount } }", { c: tailspin }, { token: viewer });
    expect(filtered.data!.backupPlans.totalCount).toBe(0);
  });

  it("never gives a client user the provider's raw error text, in plans or in alerts", async () => {
    const viewer = await t.tokenFor("admin@fabrikam.test");
    const denied = await t.gql("{ backupPlans(first: 10, filter: { state: FAILED }) { edges { node { planName errorMessage } } } }", {}, { token: viewer });
    expect(codeOf(denied)).toBe("FORBIDDEN");
    const alerts = await t.gql("{ alerts(first: 100) { edges { node { source message } } } }", {}, { token: viewer });
    const backupAlerts = alerts.data!.alerts.edges.map((edge: { node: { source: string; message: string } }) => edge.node).filter((alert: { source: string }) => alert.source === "msp360");
    expect(backupAlerts.map((alert: { message: string }) => alert.message).sort()).toEqual(['Backup plan "Daily Files" on FAB-HARBOR-01: missed its scheduled run', 'Backup plan "Image-Based Nightly" on FAB-XRAY-01: backup failed']);
    const agent = await t.gql("{ agents(first: 10, filter: { search: \"FAB-XRAY\" }) { edges { node { backups { planName state alert { message } } } } } }", {}, { token: viewer });
    expect(agent.data!.agents.edges[0].node.backups).toEqual([{ planName: "Image-Based Nightly", state: "FAILED", alert: { message: 'Backup plan "Image-Based Nightly" on FAB-XRAY-01: backup failed' } }]);
    expect(JSON.stringify([alerts, agent])).not.toContain("0x8004230F");
    // The second wall: a client user's scoped queries never read the column, asked for or not.
    const scoped = scopedPrisma(t.database.prisma, { kind: "client", partnerId: seedId("partner", "northwind-msp"), clientId: seedId("client", "fabrikam") });
    const where = { state: "FAILED" as const };
    expect(await scoped.backupPlan.findFirst({ where })).not.toHaveProperty("errorMessage");
    expect(await scoped.backupPlan.findFirst({ where, select: { planName: true, errorMessage: true } })).toEqual({ planName: "Image-Based Nightly" });
    expect((await t.database.prisma.backupPlan.findFirst({ where: { ...where, clientId: seedId("client", "fabrikam") } }))?.errorMessage).toContain("0x8004230F");
  });

  it("shows staff every plan of their partner with the error text, and no other partner's", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const plans = await t.gql("{ backupPlans(first: 100, filter: { state: FAILED }) { totalCount edges { node { computerName errorMessage alert { message severity } client { name } } } } }", {}, { token: owner });
    expect(plans.data!.backupPlans.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { computerName: "FAB-XRAY-01", errorMessage: "VSS snapshot failed (0x8004230F): unexpected provider error", alert: { message: 'Backup plan "Image-Based Nightly" on FAB-XRAY-01: backup failed: VSS snapshot failed (0x8004230F): unexpected provider error', severity: "CRITICAL" }, client: { name: "Fabrikam Dental" } },
      { computerName: "TSV-NAS", errorMessage: expect.stringContaining("403 Forbidden"), alert: { message: expect.stringContaining("403 Forbidden"), severity: "CRITICAL" }, client: { name: "Tailspin Veterinary" } },
    ]);
    const clients = await t.gql("{ clients(first: 10) { edges { node { name backupSummary { ok failed missed running unknown } } } } }", {}, { token: await t.tokenFor("owner@contoso-it.test") });
    expect(clients.data!.clients.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { name: "Alpine Ski House", backupSummary: { ok: 1, failed: 1, missed: 1, running: 1, unknown: 1 } },
      { name: "Litware Law", backupSummary: { ok: 1, failed: 1, missed: 1, running: 1, unknown: 1 } },
    ]);
  });
});
