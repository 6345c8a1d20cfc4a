import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "./seed-demo.js";
import { seedId } from "./seed-ids.js";
import { seedSampleTickets } from "./seed-tickets.js";
import { type TestDatabase, createTestDatabase } from "./testing/index.js";

describe("sample tickets", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.prisma);
  });
  afterAll(() => database.close());

  it("numbers each partner's tickets from 1, for two clients each, with public replies, internal notes and time, once however often it runs", async () => {
    await seedSampleTickets(database.prisma);
    await seedSampleTickets(database.prisma);
    const tickets = await database.prisma.ticket.findMany({ include: { client: true, comments: true, timeEntries: true }, orderBy: [{ partnerId: "asc" }, { number: "asc" }] });
    const northwind = tickets.filter((ticket) => ticket.partnerId === seedId("partner", "northwind-msp"));
    expect(northwind.map((ticket) => [ticket.number, ticket.client.name])).toEqual([
      [1, "Fabrikam Dental"],
      [2, "Fabrikam Dental"],
      [3, "Tailspin Veterinary"],
    ]);
    const contoso = tickets.filter((ticket) => ticket.partnerId === seedId("partner", "contoso-it"));
    expect(contoso.map((ticket) => [ticket.number, ticket.client.name])).toEqual([
      [1, "Litware Law"],
      [2, "Alpine Ski House"],
    ]);
    const comments = tickets.flatMap((ticket) => ticket.comments);
    expect(comments.filter((comment) => comment.hidden).length).toBeGreaterThan(0);
    expect(comments.filter((comment) => !comment.hidden).length).toBeGreaterThan(0);
    expect(tickets.flatMap((ticket) => ticket.timeEntries)).toHaveLength(1);
    expect(await database.prisma.product.count({ where: { partnerId: seedId("partner", "northwind-msp") } })).toBe(4);
  });

  it("leaves a partner that already has tickets alone", async () => {
    const partnerId = seedId("partner", "contoso-it");
    await database.prisma.ticket.deleteMany({ where: { partnerId } });
    await database.prisma.ticket.create({ data: { partnerId, clientId: seedId("client", "litware"), number: 1, subject: "Real work" } });
    await seedSampleTickets(database.prisma);
    expect((await database.prisma.ticket.findMany({ where: { partnerId } })).map((ticket) => ticket.subject)).toEqual(["Real work"]);
  });
});
