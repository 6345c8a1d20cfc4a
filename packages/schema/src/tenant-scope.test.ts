import { type PrismaClient, seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IntegrationPlugin } from "./integrations/plugin-contract.js";
import type { Principal } from "./principal.js";
import { scopeOf, scopedPrisma } from "./tenant-scope.js";
import type { ModelTenancy } from "./tenancy/define-tenancy.js";
import { type Tenancy, coreTenancy, tenancyOf } from "./tenancy/tenancy.js";
import { type TestApi, createTestApi } from "./testing/test-api.js";

const northwind = seedId("partner", "northwind-msp");
const fabrikam = seedId("client", "fabrikam");
const session = { userId: seedId("staff", "x"), sessionId: seedId("session", "x") };
const principals: Record<string, Principal> = {
  "partner staff": { kind: "staff", ...session, role: "OWNER", partnerId: northwind },
  "an API key": { kind: "apiKey", keyId: seedId("api-key", "x"), partnerId: northwind, scopes: [], label: "key" },
  "a client user": { kind: "client", ...session, role: "ADMIN", partnerId: northwind, clientId: fabrikam },
  "an anonymous caller": { kind: "anonymous" },
};
const platformAdmin: Principal = { kind: "staff", ...session, role: "PLATFORM_ADMIN", partnerId: null };
const FORBIDDEN = { extensions: { code: "FORBIDDEN" } };

const withDeclaration = (model: string, declared: ModelTenancy | null): Tenancy => {
  const map = new Map(coreTenancy);
  if (declared) map.set(model, declared);
  else map.delete(model);
  return map;
};

describe("the tenant scope fails closed", () => {
  let t: TestApi;
  let prisma: PrismaClient;
  beforeAll(async () => {
    t = await createTestApi();
    prisma = t.database.prisma;
  });
  afterAll(() => t.close());

  it.each(Object.keys(principals))("refuses %s a model with no tenancy declaration", async (name) => {
    const principal = principals[name]!;
    // A plugin's table whose plugin is not composed: the core does not declare it.
    await expect(scopedPrisma(prisma, scopeOf(principal)).syncroCustomerLink.findMany()).rejects.toMatchObject(FORBIDDEN);
    // A core table whose declaration went missing, though its rows are there.
    expect(await prisma.site.count({ where: { partnerId: northwind } })).toBeGreaterThan(0);
    await expect(scopedPrisma(prisma, scopeOf(principal), withDeclaration("Site", null)).site.count()).rejects.toMatchObject(FORBIDDEN);
  });

  it("lets platform admins reach an undeclared model, and its plugin's declaration lets partner staff in", async () => {
    expect(await scopedPrisma(prisma, scopeOf(platformAdmin), withDeclaration("Site", null)).site.count()).toBe(await prisma.site.count());
    const syncro = { id: "syncro", tenancy: { SyncroCustomerLink: { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "refused" } } };
    const composed = tenancyOf([syncro as unknown as IntegrationPlugin]);
    expect(await scopedPrisma(prisma, scopeOf(principals["partner staff"]!), composed).syncroCustomerLink.findMany()).toEqual([]);
    await expect(scopedPrisma(prisma, scopeOf(principals["a client user"]!), composed).syncroCustomerLink.findMany()).rejects.toMatchObject(FORBIDDEN);
  });

  it.each(["product", "apiKey", "integrationConnection", "timeEntry"] as const)("refuses a client user the partner-only %s", async (model) => {
    const delegate = (client: PrismaClient) => client[model] as unknown as { count(): Promise<number> };
    await expect(delegate(scopedPrisma(prisma, scopeOf(principals["a client user"]!))).count()).rejects.toMatchObject(FORBIDDEN);
    expect(await delegate(scopedPrisma(prisma, scopeOf(principals["partner staff"]!))).count()).toBeGreaterThanOrEqual(0);
  });

  it("gives a client user no partner-wide reach unless the declaration says so", async () => {
    const client = scopeOf(principals["a client user"]!);
    const partnerStaff = await prisma.staffUser.count({ where: { partnerId: northwind } });
    expect(await scopedPrisma(prisma, client).staffUser.count()).toBe(partnerStaff);
    const partnerOnly = withDeclaration("StaffUser", { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" });
    await expect(scopedPrisma(prisma, client, partnerOnly).staffUser.count()).rejects.toMatchObject(FORBIDDEN);
    expect(await scopedPrisma(prisma, scopeOf(principals["partner staff"]!), partnerOnly).staffUser.count()).toBe(partnerStaff);
  });
});
