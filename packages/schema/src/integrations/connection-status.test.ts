import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, createTestApi } from "../testing/test-api.js";
import { createLogger } from "../server/logger.js";
import { createPluginContext } from "./plugin-context.js";

describe("integration.status_changed", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  it("is recorded each time a sync moves the connection's status, with the plugin as actor and without the vendor's words", async () => {
    const connection = await t.database.prisma.integrationConnection.create({ data: { partnerId: seedId("partner", "northwind-msp"), pluginId: "syncro", config: {} } });
    const context = createPluginContext({ root: t.database.prisma, keyRing: t.keyRing, logger: createLogger({ level: "error" }), connection });
    await context.reportSuccess();
    await context.reportFailure("HTTP 500: <html>secret vendor page</html>");
    await context.reportFailure("HTTP 500 again");
    await context.reportFailure("HTTP 500 a third time");
    await context.reportFailure("HTTP 500 still");
    await context.reportSuccess();
    const events = await t.database.prisma.domainEvent.findMany({ where: { type: "integration.status_changed" }, orderBy: { occurredAt: "asc" } });
    expect(events.map((event) => event.payload)).toEqual([
      { integration: { pluginId: "syncro" }, status: { from: "OK", to: "DEGRADED" } },
      { integration: { pluginId: "syncro" }, status: { from: "DEGRADED", to: "FAILING" } },
      { integration: { pluginId: "syncro" }, status: { from: "FAILING", to: "OK" } },
    ]);
    expect(events[0]).toMatchObject({ partnerId: connection.partnerId, clientId: null, actor: { type: "INTEGRATION", id: null, name: "syncro" } });
    expect(JSON.stringify(events)).not.toContain("secret vendor page");
  });
});
