import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "./passwords.js";
import { DEMO_PASSWORD, seedDemo } from "./seed-demo.js";
import { scalePartner, seedScale } from "./seed-scale.js";
import { type TestDatabase, createTestDatabase } from "./testing/index.js";

async function countAll(database: TestDatabase) {
  const p = database.prisma;
  return {
    partners: await p.partner.count(),
    clients: await p.client.count(),
    staff: await p.staffUser.count(),
    clientUsers: await p.clientUser.count(),
    sites: await p.site.count(),
    agents: await p.agent.count(),
    alerts: await p.alert.count(),
    documents: await p.document.count(),
  };
}

describe("demo seed", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.prisma);
  });
  afterAll(() => database.close());

  it("writes the demo tenants named in the README", async () => {
    const partners = await database.prisma.partner.findMany({ include: { clients: true }, orderBy: { name: "asc" } });
    expect(partners.map((p) => [p.name, p.clients.map((c) => c.name).sort()])).toEqual([
      ["Contoso IT", ["Alpine Ski House", "Litware Law"]],
      ["Northwind MSP", ["Fabrikam Dental", "Tailspin Veterinary"]],
    ]);
  });

  it.each([
    ["admin@mspgraph.test", "PLATFORM_ADMIN"],
    ["owner@northwind-msp.test", "OWNER"],
    ["tech@northwind-msp.test", "TECHNICIAN"],
    ["owner@contoso-it.test", "OWNER"],
    ["tech@contoso-it.test", "TECHNICIAN"],
  ])("gives staff account %s the role %s and the demo password", async (email, role) => {
    const user = await database.prisma.staffUser.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe(role);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash!, "wrong")).toBe(false);
  });

  it.each([
    ["admin@fabrikam.test", "Fabrikam Dental", "ADMIN"],
    ["viewer@fabrikam.test", "Fabrikam Dental", "VIEW_ONLY"],
    ["admin@tailspin.test", "Tailspin Veterinary", "ADMIN"],
    ["admin@litware.test", "Litware Law", "ADMIN"],
    ["viewer@litware.test", "Litware Law", "VIEW_ONLY"],
    ["admin@alpine.test", "Alpine Ski House", "ADMIN"],
  ])("gives client account %s of %s the role %s", async (email, clientName, role) => {
    const user = await database.prisma.clientUser.findUniqueOrThrow({ where: { email }, include: { client: true } });
    expect([user.client.name, user.role]).toEqual([clientName, role]);
    expect(await verifyPassword(user.passwordHash!, DEMO_PASSWORD)).toBe(true);
  });

  it("gives each client sites, offline and online agents, alerts in every status and documents", async () => {
    for (const client of await database.prisma.client.findMany({ include: { sites: true, agents: true, alerts: true, documents: true } })) {
      expect(client.sites.length).toBeGreaterThan(0);
      expect(new Set(client.agents.map((a) => a.status))).toEqual(new Set(["ONLINE", "OFFLINE"]));
      expect(new Set(client.alerts.map((a) => a.status))).toEqual(new Set(["ACTIVE", "ACKNOWLEDGED", "RESOLVED"]));
      expect(new Set(client.documents.map((d) => d.visibility))).toEqual(new Set(["CLIENT", "INTERNAL"]));
    }
  });

  it("changes no count when run again", async () => {
    const before = await countAll(database);
    await seedDemo(database.prisma);
    expect(await countAll(database)).toEqual(before);
  });
});

describe("scale seed", () => {
  it("adds a partner with the asked number of clients, reports progress and is idempotent", async () => {
    const database = await createTestDatabase();
    try {
      const lines: string[] = [];
      await seedScale(database.prisma, 150, (line) => lines.push(line));
      expect(lines.at(-1)).toContain("150/150");
      expect(lines.length).toBe(2);
      const partnerId = scalePartner(150).id;
      expect(await database.prisma.client.count({ where: { partnerId } })).toBe(150);
      expect(await database.prisma.agent.count({ where: { partnerId } })).toBe(600);
      const before = await countAll(database);
      await seedScale(database.prisma, 150);
      expect(await countAll(database)).toEqual(before);
    } finally {
      await database.close();
    }
  });
});
