import { tenancyOf, tenancyProblems } from "@mspgraph/schema";
import { describe, expect, it } from "vitest";
import { pluginRegistry } from "./composed-schema.js";

// A new Prisma model, in the core or in a plugin, fails here until its tenancy is declared.
describe("the composed tenancy declarations", () => {
  it("declare every Prisma model of the core and the plugins, with real columns", () => {
    expect(tenancyProblems(tenancyOf(pluginRegistry.plugins))).toEqual([]);
  });

  it("come from the plugin that owns the model", () => {
    const composed = tenancyOf(pluginRegistry.plugins);
    const owners = Object.fromEntries(pluginRegistry.plugins.flatMap((plugin) => Object.keys(plugin.tenancy ?? {}).map((model) => [model, plugin.id])));
    expect(owners).toEqual({ SyncroCustomerLink: "syncro", SyncroRateLimit: "syncro", Msp360CompanyLink: "msp360" });
    expect(composed.get("SyncroCustomerLink")).toMatchObject({ owner: "client", clientUsers: "refused" });
    expect(composed.get("SyncroRateLimit")).toMatchObject({ owner: "none" });
  });
});
