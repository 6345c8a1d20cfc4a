import type { AgentStatus, AlertSeverity, AlertStatus, ClientUserRole, PrismaClient, StaffRole } from "@prisma/client";
import { hashPassword } from "./passwords.js";
import { seedBackups } from "./seed-backups.js";
import { seedId } from "./seed-ids.js";

export const DEMO_PASSWORD = "mspgraph-demo";

type DemoClient = {
  key: string;
  name: string;
  domain: string;
  primaryColor: string;
  accentColor: string;
  users: Array<{ email: string; name: string; role: ClientUserRole }>;
  sites: Array<{ name: string; address: string; agents: Array<{ hostname: string; os: string; status: AgentStatus }> }>;
};

type DemoPartner = {
  key: string;
  name: string;
  staff: Array<{ email: string; name: string; role: StaffRole }>;
  clients: DemoClient[];
};

const PARTNERS: DemoPartner[] = [
  {
    key: "northwind-msp",
    name: "Northwind MSP",
    staff: [
      { email: "owner@northwind-msp.test", name: "Nora Owens", role: "OWNER" },
      { email: "tech@northwind-msp.test", name: "Theo Marsh", role: "TECHNICIAN" },
    ],
    clients: [
      {
        key: "fabrikam",
        name: "Fabrikam Dental",
        domain: "fabrikam.test",
        primaryColor: "#0e7490",
        accentColor: "#f97316",
        users: [
          { email: "admin@fabrikam.test", name: "Fiona Bright", role: "ADMIN" },
          { email: "viewer@fabrikam.test", name: "Victor Lang", role: "VIEW_ONLY" },
        ],
        sites: [
          {
            name: "Main Street Clinic",
            address: "12 Main Street, Springfield",
            agents: [
              { hostname: "FAB-RECEPTION-01", os: "Windows 11 Pro", status: "ONLINE" },
              { hostname: "FAB-XRAY-01", os: "Windows 10 IoT", status: "ONLINE" },
              { hostname: "FAB-DC-01", os: "Windows Server 2022", status: "ONLINE" },
            ],
          },
          {
            name: "Harbor Branch",
            address: "4 Harbor Road, Shelbyville",
            agents: [
              { hostname: "FAB-HARBOR-01", os: "Windows 11 Pro", status: "OFFLINE" },
              { hostname: "FAB-HARBOR-MAC", os: "macOS 15", status: "ONLINE" },
            ],
          },
        ],
      },
      {
        key: "tailspin",
        name: "Tailspin Veterinary",
        domain: "tailspin.test",
        primaryColor: "#15803d",
        accentColor: "#eab308",
        users: [{ email: "admin@tailspin.test", name: "Tara Quill", role: "ADMIN" }],
        sites: [
          {
            name: "Tailspin Animal Hospital",
            address: "88 Meadow Lane, Ogdenville",
            agents: [
              { hostname: "TSV-FRONTDESK", os: "Windows 11 Pro", status: "ONLINE" },
              { hostname: "TSV-LAB-01", os: "Ubuntu 24.04", status: "OFFLINE" },
              { hostname: "TSV-NAS", os: "Synology DSM 7", status: "ONLINE" },
            ],
          },
        ],
      },
    ],
  },
  {
    key: "contoso-it",
    name: "Contoso IT",
    staff: [
      { email: "owner@contoso-it.test", name: "Colin Reyes", role: "OWNER" },
      { email: "tech@contoso-it.test", name: "Tess Nakamura", role: "TECHNICIAN" },
    ],
    clients: [
      {
        key: "litware",
        name: "Litware Law",
        domain: "litware.test",
        primaryColor: "#7c3aed",
        accentColor: "#0ea5e9",
        users: [
          { email: "admin@litware.test", name: "Lena Ward", role: "ADMIN" },
          { email: "viewer@litware.test", name: "Luis Park", role: "VIEW_ONLY" },
        ],
        sites: [
          {
            name: "Litware Chambers",
            address: "1 Court Square, Capital City",
            agents: [
              { hostname: "LIT-PARTNER-01", os: "Windows 11 Enterprise", status: "ONLINE" },
              { hostname: "LIT-PARALEGAL-02", os: "Windows 11 Enterprise", status: "OFFLINE" },
              { hostname: "LIT-FS-01", os: "Windows Server 2019", status: "ONLINE" },
              { hostname: "LIT-MBP-07", os: "macOS 14", status: "OFFLINE" },
            ],
          },
        ],
      },
      {
        key: "alpine",
        name: "Alpine Ski House",
        domain: "alpine.test",
        primaryColor: "#1d4ed8",
        accentColor: "#dc2626",
        users: [{ email: "admin@alpine.test", name: "Aldo Frost", role: "ADMIN" }],
        sites: [
          {
            name: "Summit Lodge",
            address: "3 Summit Road, Snowfield",
            agents: [
              { hostname: "ASH-FRONTDESK", os: "Windows 11 Pro", status: "ONLINE" },
              { hostname: "ASH-RENTALS-01", os: "Windows 10 Pro", status: "OFFLINE" },
              { hostname: "ASH-NAS", os: "Synology DSM 7", status: "ONLINE" },
            ],
          },
        ],
      },
    ],
  },
];

const ALERT_TEMPLATES: Array<{ severity: AlertSeverity; status: AlertStatus; message: (host: string) => string }> = [
  { severity: "CRITICAL", status: "ACTIVE", message: (host) => `${host} has been offline for more than 15 minutes` },
  { severity: "WARNING", status: "ACTIVE", message: (host) => `Disk C: on ${host} is 92% full` },
  { severity: "WARNING", status: "ACKNOWLEDGED", message: (host) => `Windows updates pending on ${host} for 30 days` },
  { severity: "INFO", status: "RESOLVED", message: (host) => `Antivirus definitions were out of date on ${host}` },
];

const DOCUMENTS = [
  { key: "wifi", title: "Guest Wi-Fi and printing", visibility: "CLIENT" as const, body: "## Guest Wi-Fi\n\nNetwork: **Guest**. Ask reception for today's password.\n\n## Printing\n\nChoose *Front Desk Printer* from any workstation." },
  { key: "support", title: "How to get support", visibility: "CLIENT" as const, body: "Open a ticket in this portal, or call the service desk on **555-0100** for anything urgent." },
  { key: "runbook", title: "Server runbook (internal)", visibility: "INTERNAL" as const, body: "Reboot order: storage, domain controller, application servers.\n\nBackups run nightly at 01:00." },
];

const MINUTE = 60_000;

/** Writes the demo tenants, users, sites, agents, alerts, documents and backup plans; a second run changes nothing. */
export async function seedDemo(prisma: PrismaClient, log: (line: string) => void = () => {}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();

  await prisma.staffUser.createMany({
    data: [{ id: seedId("staff", "admin@mspgraph.test"), email: "admin@mspgraph.test", name: "Pat Admin", role: "PLATFORM_ADMIN", passwordHash }],
    skipDuplicates: true,
  });

  for (const partner of PARTNERS) {
    const partnerId = seedId("partner", partner.key);
    await prisma.partner.createMany({ data: [{ id: partnerId, name: partner.name, slug: partner.key }], skipDuplicates: true });
    await prisma.staffUser.createMany({
      data: partner.staff.map((user) => ({ id: seedId("staff", user.email), partnerId, passwordHash, ...user })),
      skipDuplicates: true,
    });

    for (const client of partner.clients) {
      const clientId = seedId("client", client.key);
      const owned = { partnerId, clientId };
      await prisma.client.createMany({
        data: [{ id: clientId, partnerId, name: client.name, domain: client.domain, primaryColor: client.primaryColor, accentColor: client.accentColor, logoUrl: `/logos/${client.key}.svg` }],
        skipDuplicates: true,
      });
      await prisma.clientUser.createMany({
        data: client.users.map((user) => ({ id: seedId("client-user", user.email), ...owned, passwordHash, ...user })),
        skipDuplicates: true,
      });

      const agents = client.sites.flatMap((site) => site.agents.map((agent) => ({ ...agent, siteId: seedId("site", client.key, site.name) })));
      await prisma.site.createMany({
        data: client.sites.map((site) => ({ id: seedId("site", client.key, site.name), ...owned, name: site.name, address: site.address })),
        skipDuplicates: true,
      });
      await prisma.agent.createMany({
        data: agents.map((agent, index) => ({
          id: seedId("agent", agent.hostname),
          ...owned,
          siteId: agent.siteId,
          hostname: agent.hostname,
          os: agent.os,
          status: agent.status,
          lastSeenAt: new Date(agent.status === "ONLINE" ? now - MINUTE : now - (index + 2) * 60 * MINUTE),
        })),
        skipDuplicates: true,
      });
      await prisma.alert.createMany({
        data: ALERT_TEMPLATES.map((template, index) => {
          const agent = agents[index % agents.length]!;
          const createdAt = new Date(now - (index + 1) * 45 * MINUTE);
          return {
            id: seedId("alert", client.key, index),
            ...owned,
            agentId: seedId("agent", agent.hostname),
            severity: template.severity,
            status: template.status,
            source: "monitoring",
            message: template.message(agent.hostname),
            createdAt,
            acknowledgedAt: template.status === "ACTIVE" ? null : new Date(createdAt.getTime() + 10 * MINUTE),
            resolvedAt: template.status === "RESOLVED" ? new Date(createdAt.getTime() + 30 * MINUTE) : null,
          };
        }),
        skipDuplicates: true,
      });
      await prisma.document.createMany({
        data: DOCUMENTS.map((doc) => ({ id: seedId("document", client.key, doc.key), ...owned, title: doc.title, body: doc.body, visibility: doc.visibility })),
        skipDuplicates: true,
      });
      await seedBackups(prisma, { partnerKey: partner.key, clientKey: client.key, now });
      log(`seeded ${partner.name} / ${client.name}`);
    }
  }
}
