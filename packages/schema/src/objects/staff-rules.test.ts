import { seedDemo, seedId } from "@mspgraph/db";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { changeErrors, lockPartnerStaff } from "./staff-rules.js";

const partnerId = seedId("partner", "northwind-msp");
const noraId = seedId("staff", "owner@northwind-msp.test");
let database: TestDatabase;
let oliveId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma);
  ({ id: oliveId } = await database.prisma.staffUser.create({ data: { partnerId, email: "olive@northwind-msp.test", name: "Olive", role: "OWNER", passwordHash: "accepted" } }));
});
afterAll(() => database.close());

/** One owner demoting themselves as changeStaff does: lock, read, check, write, in one transaction. */
const demoteSelf = (id: string, beforeWrite: () => Promise<void> = async () => {}) =>
  database.prisma.$transaction(async (tx) => {
    await lockPartnerStaff(tx, partnerId);
    const target = await tx.staffUser.findUniqueOrThrow({ where: { id }, select: { id: true, role: true, partnerId: true, disabledAt: true, passwordHash: true } });
    const errors = await changeErrors(tx, { userId: id, role: "OWNER", partnerId }, target, { role: "ADMIN" });
    await beforeWrite();
    if (errors.length === 0) await tx.staffUser.update({ where: { id }, data: { role: "ADMIN" } });
    return errors.map((e) => e.code);
  });

it("lets only one of two owners demoting themselves at the same moment through: the second waits for the first and sees it gone", async () => {
  let locked!: () => void;
  const firstHoldsTheLock = new Promise<void>((resolve) => (locked = resolve));
  // The first owner has checked (another owner is left) and pauses before writing; the second starts meanwhile.
  const first = demoteSelf(noraId, async () => {
    locked();
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  await firstHoldsTheLock;
  const second = demoteSelf(oliveId);
  expect(await Promise.all([first, second])).toEqual([[], ["CONFLICT"]]);
  expect(await database.prisma.staffUser.count({ where: { partnerId, role: "OWNER" } })).toBe(1);
});
