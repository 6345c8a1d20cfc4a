import { afterEach, describe, expect, it } from "vitest";
import { type Msp360PluginHarness, monitoringRow, startMsp360PluginHarness } from "./testing/plugin-harness.js";

let h: Msp360PluginHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const COMPANY = "Fabrikam Dental Group";
const HOUR = 60 * 60 * 1000;
const REPORT = "https://mspbackups.example/Reports/DetailedReport?id=42";
const PLANS = "{ backupPlans(first: 20) { edges { node { planName kind state reportUrl alert { severity message reportUrl } } } } }";

async function plansFor(harness: Msp360PluginHarness, token: string) {
  const result = await harness.t.gql(PLANS, {}, { token });
  return { errors: result.errors, plans: Object.fromEntries((result.data?.backupPlans.edges ?? []).map((edge: { node: { planName: string } }) => [edge.node.planName, edge.node])) };
}

describe("MSP360 plan kinds, warnings and reports", () => {
  it("labels restores and consistency checks and words their failures as such", async () => {
    h = await startMsp360PluginHarness({
      monitoring: [
        monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Files", planType: 0, status: 2, error: "Disk full" }),
        monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Restore ledger", planType: 2, status: 2, error: "Target locked" }),
        monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Image restore", planType: 17, status: 6 }),
        monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Check storage", planType: 13, status: 5 }),
      ],
    });
    await h.link(COMPANY, h.fabrikam);
    const { plans } = await plansFor(h, h.owner);
    expect([plans.Files.kind, plans["Restore ledger"].kind, plans["Image restore"].kind, plans["Check storage"].kind]).toEqual(["BACKUP", "RESTORE", "RESTORE", "CONSISTENCY_CHECK"]);
    expect(plans.Files.alert.message).toBe('Backup plan "Files" on FAB-DC-01 (Fabrikam Dental Group): backup failed (Error): Disk full');
    expect(plans["Restore ledger"].alert.message).toBe('Restore plan "Restore ledger" on FAB-DC-01 (Fabrikam Dental Group): restore failed (Error): Target locked');
    expect(plans["Check storage"].alert.message).toMatch(/^Consistency check "Check storage" on FAB-DC-01 \(Fabrikam Dental Group\): consistency check failed \(Interrupted\)/);
    const client = await plansFor(h, await h.t.tokenFor("viewer@fabrikam.test"));
    expect(client.plans["Image restore"].alert.message).toBe('Restore plan "Image restore" on FAB-DC-01: restore failed');
    const messages = (await h.t.database.prisma.alert.findMany({ where: { source: "msp360", message: { contains: "FAB-DC-01" } } })).flatMap((alert) => [alert.message, alert.clientMessage]);
    expect(messages.filter((message) => /backup failed/i.test(message ?? ""))).toHaveLength(2);
    const restores = await h.t.gql("{ backupPlans(first: 20, filter: { kind: RESTORE }) { totalCount } }", {}, { token: h.owner });
    expect(restores.data!.backupPlans.totalCount).toBe(2);
  });

  it("treats status 7 as a warning, with a WARNING alert resolved by the next success", async () => {
    const warned = monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Files", status: 7, error: "2 files were skipped" });
    h = await startMsp360PluginHarness({ monitoring: [warned] });
    await h.link(COMPANY, h.fabrikam);
    const { plans } = await plansFor(h, h.owner);
    expect(plans.Files).toMatchObject({ state: "WARNING", alert: { severity: "WARNING", message: 'Backup plan "Files" on FAB-DC-01 (Fabrikam Dental Group): backup completed with warnings (Warning): 2 files were skipped' } });
    const warnings = await h.t.gql("{ backupPlans(first: 5, filter: { state: WARNING }) { totalCount } }", {}, { token: h.owner });
    expect(warnings.data!.backupPlans.totalCount).toBe(1);
    h.server.state.setMonitoring([{ ...warned, Status: 0, ErrorMessage: null }]);
    await h.poll();
    expect((await h.t.database.prisma.alert.findMany({ where: { source: "msp360", message: { contains: "FAB-DC-01" } } })).map((alert) => alert.status)).toEqual(["RESOLVED"]);
  });

  it("shows the detailed report link to staff on the plan and its alert, never to client users", async () => {
    h = await startMsp360PluginHarness({ monitoring: [monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Files", status: 2, error: "Disk full", reportLink: REPORT })] });
    await h.link(COMPANY, h.fabrikam);
    const staff = await plansFor(h, h.owner);
    expect(staff.plans.Files).toMatchObject({ reportUrl: REPORT, alert: { reportUrl: REPORT } });
    const client = await h.t.gql("{ backupPlans(first: 5) { edges { node { planName reportUrl } } } }", {}, { token: await h.t.tokenFor("viewer@fabrikam.test") });
    expect(client.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(client)).not.toContain("DetailedReport");
    const alerts = await h.t.gql("{ alerts(first: 5) { edges { node { reportUrl } } } }", {}, { token: await h.t.tokenFor("viewer@fabrikam.test") });
    expect(JSON.stringify(alerts)).not.toContain("DetailedReport");
  });

  it("never says an overdue plan was due at its next planned run", async () => {
    const next = new Date(Date.now() + 20 * HOUR);
    h = await startMsp360PluginHarness({ monitoring: [monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Files", status: 1, nextStart: next })] });
    await h.link(COMPANY, h.fabrikam);
    const { plans } = await plansFor(h, h.owner);
    expect(plans.Files.state).toBe("MISSED");
    expect(plans.Files.alert.message).not.toContain("was due");
    expect(plans.Files.alert.message).toContain(`missed its scheduled run; the next run is planned for ${new Date(Math.floor(next.getTime() / 1000) * 1000).toISOString().slice(0, 19)}`);
  });
});
