import type { BackupState, PrismaClient } from "@prisma/client";
import { seedId } from "./seed-ids.js";

type DemoPlan = { host: string; plan: string; state: BackupState; status: string; error?: string };

// MSP360 plans on the demo agents, every state for each partner; the error texts are staff-only.
const PLANS: Record<string, { company: string; plans: DemoPlan[] }> = {
  fabrikam: {
    company: "Fabrikam Dental Group",
    plans: [
      { host: "FAB-RECEPTION-01", plan: "Daily Files", state: "OK", status: "Success (0)" },
      { host: "FAB-XRAY-01", plan: "Image-Based Nightly", state: "FAILED", status: "Error (2)", error: "VSS snapshot failed (0x8004230F): unexpected provider error" },
      { host: "FAB-DC-01", plan: "System State", state: "OK", status: "Success (0)" },
      { host: "FAB-DC-01", plan: "SQL Server Full", state: "RUNNING", status: "Running (3)" },
      { host: "FAB-HARBOR-01", plan: "Daily Files", state: "MISSED", status: "Overdue (1)" },
      { host: "FAB-HARBOR-MAC", plan: "Documents", state: "UNKNOWN", status: "Unknown (4)" },
    ],
  },
  tailspin: {
    company: "Tailspin Veterinary",
    plans: [
      { host: "TSV-FRONTDESK", plan: "Daily Files", state: "OK", status: "Success (0)" },
      { host: "TSV-NAS", plan: "NAS to Wasabi", state: "FAILED", status: "Interrupted (5)", error: "Storage \"Wasabi\" returned 403 Forbidden (0x80070005): check the access key" },
      { host: "TSV-LAB-01", plan: "Lab Results", state: "MISSED", status: "Overdue (1)" },
      { host: "TSV-FRONTDESK", plan: "Image-Based Weekly", state: "RUNNING", status: "Running (3)" },
      { host: "TSV-NAS", plan: "Config Export", state: "UNKNOWN", status: "Unknown (4)" },
    ],
  },
  litware: {
    company: "Litware Law LLP",
    plans: [
      { host: "LIT-FS-01", plan: "File Server Nightly", state: "OK", status: "Success (0)" },
      { host: "LIT-FS-01", plan: "Exchange Mailboxes", state: "FAILED", status: "Unexpectedly closed (6)", error: "The network path \\\\lit-fs-01\\mail was not found (0x80070035)" },
      { host: "LIT-PARTNER-01", plan: "Daily Files", state: "RUNNING", status: "Running (3)" },
      { host: "LIT-PARALEGAL-02", plan: "Daily Files", state: "MISSED", status: "Overdue (1)" },
      { host: "LIT-MBP-07", plan: "Documents", state: "UNKNOWN", status: "Unknown (4)" },
    ],
  },
  alpine: {
    company: "Alpine Ski House",
    plans: [
      { host: "ASH-FRONTDESK", plan: "Daily Files", state: "OK", status: "Success (0)" },
      { host: "ASH-NAS", plan: "Rentals Database", state: "FAILED", status: "Error (2)", error: "Database file is locked by another process (0x80070020)" },
      { host: "ASH-RENTALS-01", plan: "Daily Files", state: "MISSED", status: "Overdue (1)" },
      { host: "ASH-NAS", plan: "NAS to Wasabi", state: "RUNNING", status: "Running (3)" },
      { host: "ASH-FRONTDESK", plan: "Image-Based Weekly", state: "UNKNOWN", status: "Unknown (4)" },
    ],
  },
};

const HOUR = 60 * 60 * 1000;

/**
 * The demo's backup plans and their alerts, reported by a (not yet connected) MSP360 connection
 * per partner: connecting MSP360 for real replaces them at its first poll.
 */
export async function seedBackups(prisma: PrismaClient, input: { partnerKey: string; clientKey: string; now: number }): Promise<void> {
  const demo = PLANS[input.clientKey];
  if (!demo) return;
  const partnerId = seedId("partner", input.partnerKey);
  const clientId = seedId("client", input.clientKey);
  const connectionId = seedId("integration", input.partnerKey, "msp360");
  await prisma.integrationConnection.createMany({ data: [{ id: connectionId, partnerId, pluginId: "msp360", status: "DISCONNECTED", config: {} }], skipDuplicates: true });
  const failing = demo.plans.filter((plan) => plan.state === "FAILED" || plan.state === "MISSED");
  const alertIdOf = (plan: DemoPlan) => seedId("alert", "backup", plan.host, plan.plan);
  await prisma.alert.createMany({
    data: failing.map((plan) => {
      const what = plan.state === "FAILED" ? "backup failed" : "missed its scheduled run";
      const clientMessage = `Backup plan "${plan.plan}" on ${plan.host}: ${what}`;
      return {
        id: alertIdOf(plan),
        partnerId,
        clientId,
        agentId: seedId("agent", plan.host),
        severity: plan.state === "FAILED" ? ("CRITICAL" as const) : ("WARNING" as const),
        source: "msp360",
        message: plan.error ? `${clientMessage}: ${plan.error}` : clientMessage,
        clientMessage,
        createdAt: new Date(input.now - 3 * HOUR),
      };
    }),
    skipDuplicates: true,
  });
  await prisma.backupPlan.createMany({
    data: demo.plans.map((plan, index) => {
      const lastStart = new Date(input.now - (plan.state === "MISSED" ? 30 : 5 + index) * HOUR);
      return {
        id: seedId("backup-plan", plan.host, plan.plan),
        partnerId,
        clientId,
        agentId: seedId("agent", plan.host),
        connectionId,
        pluginId: "msp360",
        // As the plugin keys a plan: by MSP360's PlanId (a GUID).
        externalId: `plan:${seedId("msp360-plan", plan.host, plan.plan)}`,
        planName: plan.plan,
        kind: "BACKUP" as const,
        computerName: plan.host,
        companyName: demo.company,
        state: plan.state,
        providerStatus: plan.status,
        lastStart,
        nextStart: new Date(lastStart.getTime() + 24 * HOUR),
        errorMessage: plan.error ?? null,
        filesCopied: plan.state === "OK" ? 1200 + index * 37 : 40,
        filesFailed: plan.state === "FAILED" ? 3 : 0,
        bytesCopied: BigInt(plan.state === "OK" ? 2_500_000_000 + index * 1_000_000 : 50_000_000),
        durationSeconds: 900 + index * 60,
        alertId: failing.includes(plan) ? alertIdOf(plan) : null,
        lastSeenAt: new Date(input.now - 10 * 60 * 1000),
        stateChangedAt: new Date(input.now - 3 * HOUR),
      };
    }),
    skipDuplicates: true,
  });
}
