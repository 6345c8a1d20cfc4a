import { seedId } from "@mspgraph/db";
import { gid } from "@mspgraph/schema/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type Msp360PluginHarness, monitoringRow, startMsp360PluginHarness } from "./testing/plugin-harness.js";

const HOUR = 60 * 60 * 1000;
let h: Msp360PluginHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const PLANS = "{ backupPlans(first: 100) { totalCount edges { node { planName computerName companyName state providerStatus errorMessage agent { hostname } client { name } alert { status } } } } }";
type TPlan = { planName: string; computerName: string; companyName: string; state: string; providerStatus: string; errorMessage: string | null; agent: { hostname: string } | null; client: { name: string } | null; alert: { status: string } | null };

async function plans(harness: Msp360PluginHarness): Promise<TPlan[]> {
  const result = await harness.t.gql(PLANS, {}, { token: harness.owner });
  expect(result.errors).toBeUndefined();
  return result.data!.backupPlans.edges.map((edge: { node: TPlan }) => edge.node);
}

const byPlan = (list: TPlan[]) => Object.fromEntries(list.map((plan) => [plan.planName, plan]));

async function msp360Alerts(harness: Msp360PluginHarness) {
  return harness.t.database.prisma.alert.findMany({ where: { source: "msp360", message: { contains: "FAB-DC-01" } }, orderBy: { createdAt: "asc" } });
}

describe("MSP360 backup monitoring", () => {
  it("maps every MSP360 status code into the core's backup states", async () => {
    const codes = [0, 1, 2, 3, 4, 5, 6, 7, 9];
    h = await startMsp360PluginHarness({ monitoring: codes.map((status) => monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: `Plan ${status}`, status, error: status === 2 ? "Disk full" : null })) });
    await h.link("Fabrikam Dental Group", h.fabrikam);
    await h.poll();
    const states = Object.fromEntries((await plans(h)).map((plan) => [plan.planName, [plan.state, plan.providerStatus]]));
    expect(states).toEqual({
      "Plan 0": ["OK", "Success (0)"],
      "Plan 1": ["MISSED", "Overdue (1)"],
      "Plan 2": ["FAILED", "Error (2)"],
      "Plan 3": ["RUNNING", "Running (3)"],
      "Plan 4": ["UNKNOWN", "Unknown (4)"],
      "Plan 5": ["FAILED", "Interrupted (5)"],
      "Plan 6": ["FAILED", "Unexpectedly closed (6)"],
      "Plan 7": ["WARNING", "Warning (7)"],
      "Plan 9": ["UNKNOWN", "Unknown status 9 (9)"],
    });
    const summary = await h.t.gql("query ($id: ID!) { client(id: $id) { backupSummary { ok warning failed missed running unknown } } }", { id: h.fabrikam }, { token: h.owner });
    expect(summary.data!.client.backupSummary).toEqual({ ok: 1, warning: 1, failed: 3, missed: 1, running: 1, unknown: 2 });
  });

  it("counts a plan whose NextStart is past the grace period as missed, and one within it as OK", async () => {
    const now = Date.now();
    h = await startMsp360PluginHarness({
      monitoring: [
        monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Stale", nextStart: new Date(now - 5 * HOUR) }),
        monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Just due", nextStart: new Date(now - HOUR) }),
        monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Unscheduled", nextStart: null }),
      ],
    });
    await h.link("Fabrikam Dental Group", h.fabrikam);
    await h.poll();
    const found = byPlan(await plans(h));
    expect([found.Stale?.state, found["Just due"]?.state, found.Unscheduled?.state]).toEqual(["MISSED", "OK", "OK"]);
    const [alert] = await h.t.database.prisma.alert.findMany({ where: { source: "msp360", message: { contains: "Stale" } } });
    expect(alert).toMatchObject({ severity: "WARNING", status: "ACTIVE" });
    expect(alert!.message).toMatch(/^Backup plan "Stale" on FAB-DC-01 \(Fabrikam Dental Group\): missed its scheduled run; it was due /);
  });

  it("links plans to the linked client's agents by hostname in any case, and lists what is unlinked", async () => {
    h = await startMsp360PluginHarness({
      monitoring: [
        monitoringRow({ company: "Fabrikam Dental Group", computer: "fab-reception-01", plan: "Daily Files" }),
        monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-LAPTOP-99", plan: "Laptop" }),
        // Tailspin's machine under Fabrikam's company: agents are matched within the client only.
        monitoringRow({ company: "Fabrikam Dental Group", computer: "TSV-NAS", plan: "Wrong client" }),
        monitoringRow({ company: "Wide World Importers", computer: "WWI-PC-01", plan: "Orders", status: 2, error: "Access denied" }),
      ],
    });
    await h.poll();
    const unlinked = await h.t.gql("{ msp360Companies(filter: { linked: false }) { name msp360Id planCount linkedClient { name } } }", {}, { token: h.owner });
    expect(unlinked.data!.msp360Companies).toEqual([
      { name: "Fabrikam Dental Group", msp360Id: expect.any(String), planCount: 3, linkedClient: null },
      { name: "Wide World Importers", msp360Id: expect.any(String), planCount: 1, linkedClient: null },
    ]);
    await h.link("Fabrikam Dental Group", h.fabrikam);
    const found = byPlan(await plans(h));
    expect(found["Daily Files"]).toMatchObject({ client: { name: "Fabrikam Dental" }, agent: { hostname: "FAB-RECEPTION-01" } });
    expect(found.Laptop).toMatchObject({ client: { name: "Fabrikam Dental" }, agent: null });
    expect(found["Wrong client"]).toMatchObject({ client: { name: "Fabrikam Dental" }, agent: null });
    // Unlinked plans are stored and listed, but raise no alert: there is no client to raise it for.
    expect(found.Orders).toMatchObject({ client: null, agent: null, state: "FAILED", alert: null, errorMessage: "Access denied" });
    const listed = await h.t.gql("{ backupPlans(first: 10, filter: { linkedToClient: false }) { edges { node { planName } } } }", {}, { token: h.owner });
    expect(listed.data!.backupPlans.edges.map((edge: { node: { planName: string } }) => edge.node.planName)).toEqual(["Orders"]);
    const agent = await h.t.gql("{ agents(first: 1, filter: { search: \"FAB-RECEPTION-01\" }) { edges { node { backups { planName state } } } } }", {}, { token: h.owner });
    expect(agent.data!.agents.edges[0].node.backups).toEqual([{ planName: "Daily Files", state: "OK" }]);
  });

  it("raises one alert across repeated polls, keeps it through a running retry, and resolves it when the plan next succeeds", async () => {
    const failing = monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "SQL Server Full", status: 2, error: "VSS snapshot failed: 0x8004230F" });
    h = await startMsp360PluginHarness({ monitoring: [failing] });
    await h.link("Fabrikam Dental Group", h.fabrikam);
    await h.poll();
    await h.poll();
    await h.poll();
    let alerts = await msp360Alerts(h);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: "ACTIVE", severity: "CRITICAL", agentId: expect.any(String) });
    expect(alerts[0]!.message).toBe('Backup plan "SQL Server Full" on FAB-DC-01 (Fabrikam Dental Group): backup failed (Error): VSS snapshot failed: 0x8004230F');
    expect(alerts[0]!.clientMessage).toBe('Backup plan "SQL Server Full" on FAB-DC-01: backup failed');

    h.server.state.setMonitoring([{ ...failing, Status: 3, ErrorMessage: null }]);
    await h.poll();
    expect((await msp360Alerts(h)).map((alert) => alert.status)).toEqual(["ACTIVE"]);

    h.server.state.setMonitoring([{ ...failing, Status: 0, ErrorMessage: null }]);
    await h.poll();
    alerts = await msp360Alerts(h);
    expect(alerts.map((alert) => [alert.status, Boolean(alert.resolvedAt)])).toEqual([["RESOLVED", true]]);
    expect(byPlan(await plans(h))["SQL Server Full"]).toMatchObject({ state: "OK", alert: null });

    // A new failure is a new spell: a new alert.
    h.server.state.setMonitoring([{ ...failing, Status: 6 }]);
    await h.poll();
    expect((await msp360Alerts(h)).map((alert) => alert.status)).toEqual(["RESOLVED", "ACTIVE"]);

    // Each spell is announced once, as it starts and as it ends, with the plugin as actor.
    // (The demo's seeded plans, which this MSP360 does not report, are removed with their alerts' events.)
    const ours = new Set((await msp360Alerts(h)).map((alert) => gid("Alert", alert.id)));
    const events = (await h.t.database.prisma.domainEvent.findMany({ orderBy: { occurredAt: "asc" } })).filter(
      (event) => event.type.startsWith("backup.") || (event.type.startsWith("alert.") && ours.has((event.payload as { alert: { id: string } }).alert.id)),
    );
    expect(events.map((event) => event.type)).toEqual(["alert.raised", "backup.failed", "alert.resolved", "backup.recovered", "alert.raised", "backup.failed"]);
    expect(events[1]).toMatchObject({ clientId: seedId("client", "fabrikam"), actor: { type: "INTEGRATION", id: null, name: "msp360" } });
    expect(events[1]!.payload).toMatchObject({ plan: { name: "SQL Server Full", computerName: "FAB-DC-01", state: "FAILED", source: "msp360", clientId: h.fabrikam }, alertId: expect.any(String) });
    // The provider's raw error is staff-only: the alert's `message` carries it, the backup events do not.
    expect(JSON.stringify(events.filter((event) => event.type.startsWith("backup.")).map((event) => event.payload))).not.toContain("VSS snapshot");
  });

  it("shows raised alerts to live subscribers of alertChanged", async () => {
    h = await startMsp360PluginHarness({ monitoring: [monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Nightly", status: 5, error: "Interrupted by shutdown" })] });
    const staff = await h.t.subscribe("subscription { alertChanged { change alert { severity message source } } }", {}, { token: h.owner });
    const client = await h.t.subscribe("subscription { alertChanged { change alert { severity message } } }", {}, { token: await h.t.tokenFor("viewer@fabrikam.test") });
    expect(await staff.next(100)).toBe("timeout");
    expect(await client.next(100)).toBe("timeout");
    // Linking queues a poll, which the background worker runs: the raised alert reaches both, each in its own words.
    await h.link("Fabrikam Dental Group", h.fabrikam);
    const seen = await staff.next();
    expect(seen).toMatchObject({ data: { alertChanged: { change: "RAISED", alert: { severity: "CRITICAL", source: "msp360", message: expect.stringContaining("Interrupted by shutdown") } } } });
    expect(await client.next()).toEqual({ data: { alertChanged: { change: "RAISED", alert: { severity: "CRITICAL", message: 'Backup plan "Nightly" on FAB-DC-01: backup failed' } } } });
    staff.close();
    client.close();
  });

  it("removes plans MSP360 no longer reports and resolves their alerts, but keeps everything when a poll fails", async () => {
    const kept = monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Kept" });
    const gone = monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Retired", status: 2, error: "Destination unreachable" });
    h = await startMsp360PluginHarness({ monitoring: [kept, gone] });
    await h.link("Fabrikam Dental Group", h.fabrikam);
    await h.poll();
    h.server.state.setMonitoring([kept]);
    h.server.faults.failNext(10, 503);
    await h.poll();
    expect(Object.keys(byPlan(await plans(h))).sort()).toEqual(["Kept", "Retired"]);
    expect(await h.integration()).toMatchObject({ status: "DEGRADED", lastError: expect.stringMatching(/^MSP360 answered 503 \(server error\) on GET \//) });
    h.server.faults.clear();
    await h.poll();
    expect(Object.keys(byPlan(await plans(h)))).toEqual(["Kept"]);
    expect((await msp360Alerts(h)).map((alert) => alert.status)).toEqual(["RESOLVED"]);
    expect(await h.integration()).toMatchObject({ status: "OK", lastError: null, lastSyncAt: expect.any(String) });
  });

  it("resolves the alerts of a connection's plans when MSP360 is disconnected", async () => {
    h = await startMsp360PluginHarness({ monitoring: [monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Nightly", status: 2, error: "Disk full" })] });
    await h.link("Fabrikam Dental Group", h.fabrikam);
    expect((await msp360Alerts(h)).map((alert) => alert.status)).toEqual(["ACTIVE"]);
    const disconnected = await h.t.gql('mutation { disconnectIntegration(input: { pluginId: "msp360" }) { integration { status } userErrors { message } } }', {}, { token: h.owner });
    expect(disconnected.data!.disconnectIntegration).toEqual({ integration: { status: "DISCONNECTED" }, userErrors: [] });
    expect((await msp360Alerts(h)).map((alert) => alert.status)).toEqual(["RESOLVED"]);
    expect((await h.t.gql("{ backupPlans(first: 1) { totalCount } }", {}, { token: h.owner })).data!.backupPlans.totalCount).toBe(0);
  });
});
