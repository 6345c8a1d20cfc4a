import { afterEach, describe, expect, it } from "vitest";
import { type Msp360PluginHarness, monitoringRow, startMsp360PluginHarness } from "./testing/plugin-harness.js";

let h: Msp360PluginHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const COMPANY = "Fabrikam Dental Group";
type TStoredPlan = { id: string; planName: string; state: string; alert: { id: string; status: string; message: string } | null };

async function plans(harness: Msp360PluginHarness): Promise<TStoredPlan[]> {
  const result = await harness.t.gql("{ backupPlans(first: 50) { edges { node { id planName state alert { id status message } } } } }", {}, { token: harness.owner });
  expect(result.errors).toBeUndefined();
  return result.data!.backupPlans.edges.map((edge: { node: TStoredPlan }) => edge.node);
}

const activeAlerts = (harness: Msp360PluginHarness) => harness.t.database.prisma.alert.findMany({ where: { source: "msp360", status: { not: "RESOLVED" }, message: { contains: "FAB-DC-01" } } });

describe("MSP360 plans are identified by PlanId", () => {
  it("keeps a renamed plan's row and open alert, and renames the alert", async () => {
    const failing = monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Nightly", status: 2, error: "Disk full", planId: "6d0c7a52-7a44-4b1e-9c51-3f0e8e9a1b2c" });
    h = await startMsp360PluginHarness({ monitoring: [failing] });
    await h.link(COMPANY, h.fabrikam);
    const [before] = await plans(h);
    h.server.state.setMonitoring([{ ...failing, PlanName: "Nightly (SQL)" }]);
    await h.poll();
    const after = await plans(h);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before!.id, planName: "Nightly (SQL)", state: "FAILED", alert: { id: before!.alert!.id, status: "ACTIVE" } });
    expect(after[0]!.alert!.message).toContain('"Nightly (SQL)"');
    expect(await activeAlerts(h)).toHaveLength(1);
  });

  it("keeps two plans of one name on one computer apart, each with its own alert", async () => {
    h = await startMsp360PluginHarness({
      monitoring: [
        monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Daily", status: 2, error: "Disk full", planId: "11111111-1111-4111-a111-111111111111" }),
        monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Daily", status: 0, planId: "22222222-2222-4222-a222-222222222222" }),
      ],
    });
    await h.link(COMPANY, h.fabrikam);
    expect((await plans(h)).map((plan) => plan.state).sort()).toEqual(["FAILED", "OK"]);
    expect(await activeAlerts(h)).toHaveLength(1);
  });

  it("moves plans stored under the old name-based key onto their PlanId, keeping their alert", async () => {
    const failing = monitoringRow({ company: COMPANY, computer: "FAB-DC-01", plan: "Nightly", status: 2, error: "Disk full", planId: "6d0c7a52-7a44-4b1e-9c51-3f0e8e9a1b2c" });
    const { PlanId: _planId, ...withoutPlanId } = failing;
    // Stored as an earlier version keyed it: user, computer and plan name.
    h = await startMsp360PluginHarness({ monitoring: [withoutPlanId as typeof failing] });
    await h.link(COMPANY, h.fabrikam);
    const [legacy] = await plans(h);
    h.server.state.setMonitoring([failing]);
    await h.poll();
    h.server.state.setMonitoring([{ ...failing, PlanName: "Nightly (renamed)" }]);
    await h.poll();
    const [moved, ...others] = await plans(h);
    expect(others).toEqual([]);
    expect(moved).toMatchObject({ id: legacy!.id, planName: "Nightly (renamed)", alert: { id: legacy!.alert!.id, status: "ACTIVE" } });
  });
});
