import { seedId } from "@mspgraph/db";
import { testDatabaseKind } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, type TestApi, createTestApi, gid } from "./testing/test-api.js";

const ALERTS = "subscription { alertChanged { change alert { status message } } }";
const ACK = "mutation ($i: AlertActionInput!) { acknowledgeAlert(input: $i) { alert { status } userErrors { code } } }";

// Two API instances over one PostgreSQL database, as behind a load balancer: what changes
// through one reaches live subscribers on the other (LISTEN/NOTIFY). PGlite is one process.
describe.skipIf(testDatabaseKind() !== "postgres")("live updates across two API instances", () => {
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    a = await createTestApi();
    b = await createTestApi({ sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("delivers an alert acknowledged through instance A to a subscriber on instance B, and to no other partner's", async () => {
    const alert = await a.database.prisma.alert.create({
      data: { partnerId: seedId("partner", "northwind-msp"), clientId: seedId("client", "fabrikam"), severity: "CRITICAL", source: "test", message: "Fabrikam server down" },
    });
    const onB = await b.subscribe(ALERTS, {}, { token: await b.tokenFor("tech@northwind-msp.test") });
    const otherPartner = await b.subscribe(ALERTS, {}, { token: await b.tokenFor("tech@contoso-it.test") });
    // Give the subscriptions a moment to be registered before publishing.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const result = await a.gql(ACK, { i: { id: gid("Alert", alert.id) } }, { token: await a.tokenFor("tech@northwind-msp.test") });
    expect(result.data?.acknowledgeAlert).toEqual({ alert: { status: "ACKNOWLEDGED" }, userErrors: [] });

    const heard = (await onB.next(5000)) as GraphQLResponse;
    expect(heard.data?.alertChanged).toEqual({ change: "UPDATED", alert: { status: "ACKNOWLEDGED", message: "Fabrikam server down" } });
    expect(await otherPartner.next(500)).toBe("timeout");
    for (const sub of [onB, otherPartner]) sub.close();
  });
});
