import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "./migrate.js";
import { seedDemo } from "./seed-demo.js";
import { seedId } from "./seed-ids.js";
import { seedSampleTickets } from "./seed-tickets.js";
import { type TestDatabase, createTestDatabase } from "./testing/index.js";
import { createNumberedTicket } from "./ticket-numbers.js";

const COUNTERS_MIGRATION = "20261203104500_ticket_counters";
const northwind = { partnerId: seedId("partner", "northwind-msp"), clientId: seedId("client", "fabrikam") };

describe("ticket numbers", () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  const create = (db: TestDatabase, owned: { partnerId: string; clientId: string }, subject: string) =>
    db.prisma.$transaction((tx) => createNumberedTicket(tx, { ...owned, subject }));

  it("go on from each partner's highest number after the counters migration", async () => {
    database = await createTestDatabase();
    // Back to the database as it was before the counters: tickets numbered by hand.
    await database.sql.exec(`DROP TABLE "TicketCounter"; DELETE FROM "_prisma_migrations" WHERE migration_name = '${COUNTERS_MIGRATION}';`);
    await seedDemo(database.prisma);
    for (const number of [1, 2, 7]) await database.prisma.ticket.create({ data: { ...northwind, number, subject: `Old ${number}` } });
    expect(await applyMigrations(database, readMigrations())).toEqual([COUNTERS_MIGRATION]);
    expect((await create(database, northwind, "After the upgrade")).number).toBe(8);
    expect((await create(database, { partnerId: seedId("partner", "contoso-it"), clientId: seedId("client", "litware") }, "Contoso's first")).number).toBe(1);
  });

  it("start at 1 for a new partner, and are not used up by a ticket that fails to write", async () => {
    database = await createTestDatabase();
    await seedDemo(database.prisma);
    await seedSampleTickets(database.prisma);
    const partner = await database.prisma.partner.create({ data: { name: "Brand New MSP", slug: "brand-new" } });
    const client = await database.prisma.client.create({ data: { partnerId: partner.id, name: "First Client", domain: "first.test" } });
    const owned = { partnerId: partner.id, clientId: client.id };
    expect((await create(database, owned, "One")).number).toBe(1);
    // A client of another partner breaks the composite foreign key: the whole write rolls back.
    await expect(create(database, { partnerId: partner.id, clientId: seedId("client", "fabrikam") }, "Broken")).rejects.toThrow();
    expect((await create(database, owned, "Two")).number).toBe(2);
    const numbers = await database.prisma.ticket.findMany({ where: { partnerId: partner.id }, orderBy: { number: "asc" }, select: { number: true } });
    expect(numbers.map((ticket) => ticket.number)).toEqual([1, 2]);
  });
});
