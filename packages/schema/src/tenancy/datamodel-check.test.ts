import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IntegrationPlugin } from "../integrations/plugin-contract.js";
import type { ModelTenancy } from "./define-tenancy.js";
import { tenancyProblems } from "./datamodel-check.js";
import { coreTenancy, tenancyOf } from "./tenancy.js";

// Plugins' models are declared by their plugins (checked in apps/api, where they are composed).
const pluginsDir = path.resolve(import.meta.dirname, "../../../../prisma/schema/plugins");
const pluginModels = readdirSync(pluginsDir).flatMap((file) => [...readFileSync(path.join(pluginsDir, file), "utf8").matchAll(/^model (\w+)/gm)].map((match) => match[1]!));

const fields = (...names: string[]) => ({ fields: names.map((name) => ({ name, kind: "scalar" })) });
const partnerOwned: ModelTenancy = { owner: "partner", partnerColumn: "partnerId", clientUsers: "refused" };

describe("tenancy declarations against the Prisma datamodel", () => {
  it("declares every core model, with columns the models have", () => {
    expect(pluginModels).toEqual(expect.arrayContaining(["SyncroCustomerLink", "Msp360CompanyLink"]));
    expect(tenancyProblems(coreTenancy)).toEqual(pluginModels.map((model) => expect.stringMatching(new RegExp(`^${model} has no tenancy declaration`))));
  });

  it("names identity tables as non-tenant and every table with tenant columns as tenant data", () => {
    for (const model of ["AuthSession", "RefreshToken", "LoginThrottle", "RateLimitBucket", "AuditChainHead"]) expect(coreTenancy.get(model)?.owner).toBe("none");
    for (const model of ["Ticket", "TimeEntry", "Document", "BackupPlan", "AuditEvent"]) expect(coreTenancy.get(model)).toMatchObject({ owner: "client", clientColumn: "clientId" });
  });

  it("reports a model without a declaration, and a declaration of no model", () => {
    const tenancy = new Map([["Gone", partnerOwned]]);
    expect(tenancyProblems(tenancy, { Widget: fields("id", "partnerId") })).toEqual([
      'Widget has no tenancy declaration: add one with defineTenancy beside its feature (owner "none" for identity tables)',
      "Gone is declared but is no Prisma model",
    ]);
  });

  it("reports named columns the model lacks, client rows and staff-only columns included", () => {
    const declared: ModelTenancy = { owner: "client", partnerColumn: "partnerId", clientColumn: "clientId", clientUsers: "ownClient", clientRows: { shared: true }, staffOnlyColumns: ["secret"] };
    expect(tenancyProblems(new Map([["Widget", declared]]), { Widget: fields("id", "partnerId") })).toEqual([
      'Widget: "clientId" is not a column of the model',
      'Widget: "secret" is not a column of the model',
      'Widget: "shared" is not a column of the model',
    ]);
  });

  it("reports tenant columns on a non-tenant model, and a client's rows declared partner-owned", () => {
    const tenancy = new Map<string, ModelTenancy>([
      ["Token", { owner: "none", reason: "identity" }],
      ["Widget", partnerOwned],
    ]);
    expect(tenancyProblems(tenancy, { Token: fields("id", "partnerId"), Widget: fields("id", "partnerId", "clientId") })).toEqual([
      "Token has partnerId but is declared non-tenant",
      "Widget has clientId but is declared partner-owned: declare it client-owned",
    ]);
  });

  it("refuses a plugin that declares a model someone else declares", () => {
    const plugin = { id: "rogue", tenancy: { Ticket: partnerOwned } } as unknown as IntegrationPlugin;
    expect(() => tenancyOf([plugin])).toThrow('plugin "rogue" declares the tenancy of Ticket, which is already declared');
  });
});
