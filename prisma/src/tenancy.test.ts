import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "./seed-demo.js";
import { seedId } from "./seed-ids.js";
import { type TestDatabase, createTestDatabase } from "./testing/index.js";

// The database itself keeps every client-owned row inside its partner.
describe("tenant consistency in the database", () => {
  let database: TestDatabase;
  const northwind = seedId("partner", "northwind-msp");
  const contoso = seedId("partner", "contoso-it");
  const fabrikam = seedId("client", "fabrikam");
  const litware = seedId("client", "litware");
  const fabrikamSite = seedId("site", "fabrikam", "Main Street Clinic");

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.prisma);
  });
  afterAll(() => database.close());

  it("accepts a row whose client belongs to its partner", async () => {
    const site = await database.prisma.site.create({ data: { partnerId: northwind, clientId: fabrikam, name: "New branch" } });
    expect(site.clientId).toBe(fabrikam);
  });

  it.each([
    ["site", () => database.prisma.site.create({ data: { partnerId: northwind, clientId: litware, name: "Stolen" } })],
    ["document", () => database.prisma.document.create({ data: { partnerId: contoso, clientId: fabrikam, title: "x", body: "y" } })],
    ["alert", () => database.prisma.alert.create({ data: { partnerId: contoso, clientId: fabrikam, severity: "INFO", source: "test", message: "x" } })],
    ["client user", () => database.prisma.clientUser.create({ data: { partnerId: contoso, clientId: fabrikam, email: "x@evil.test", name: "x", role: "ADMIN" } })],
  ])("refuses a %s whose clientId belongs to another partner", async (_kind, write) => {
    await expect(write()).rejects.toThrow(/foreign key/i);
  });

  it("refuses an agent on another client's site", async () => {
    const write = database.prisma.agent.create({
      data: { partnerId: contoso, clientId: litware, siteId: fabrikamSite, hostname: "ROGUE", os: "Linux" },
    });
    await expect(write).rejects.toThrow(/foreign key/i);
  });

  it("refuses an alert on another client's agent", async () => {
    const write = database.prisma.alert.create({
      data: { partnerId: contoso, clientId: litware, agentId: seedId("agent", "FAB-DC-01"), severity: "INFO", source: "test", message: "x" },
    });
    await expect(write).rejects.toThrow(/foreign key/i);
  });

  it("refuses a partner user without a partner and a platform admin with one", async () => {
    await expect(
      database.prisma.staffUser.create({ data: { email: "loose@x.test", name: "x", role: "TECHNICIAN", passwordHash: "x" } }),
    ).rejects.toThrow(/check constraint/i);
    await expect(
      database.prisma.staffUser.create({ data: { email: "boss@x.test", name: "x", role: "PLATFORM_ADMIN", partnerId: northwind, passwordHash: "x" } }),
    ).rejects.toThrow(/check constraint/i);
  });

  it("keeps client domains unique within a partner but not across partners", async () => {
    await expect(
      database.prisma.client.create({ data: { partnerId: northwind, name: "Copy", domain: "fabrikam.test" } }),
    ).rejects.toThrow(/unique/i);
    const other = await database.prisma.client.create({ data: { partnerId: contoso, name: "Fabrikam (Contoso)", domain: "fabrikam.test" } });
    expect(other.partnerId).toBe(contoso);
  });
});
