import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./testing/isolation-fixtures.js";
import { type GraphQLResponse, type TestApi, createTestApi } from "./testing/test-api.js";

const SUBSCRIBE = "subscription { alertChanged { change alert { message client { name } } } }";
const ACK = "mutation ($i: AlertActionInput!) { acknowledgeAlert(input: $i) { alert { status } } }";

describe("alertChanged over server-sent events", () => {
  let t: TestApi;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApi();
    admin = await t.tokenFor("admin@mspgraph.test");
  });
  afterAll(() => t.close());

  async function raise(client: "fabrikam" | "litware", message: string) {
    const partnerKey = client === "fabrikam" ? "northwind-msp" : "contoso-it";
    const alert = await t.database.prisma.alert.create({
      data: { partnerId: seedId("partner", partnerKey), clientId: seedId("client", client), severity: "WARNING", source: "test", message },
    });
    await t.gql(ACK, { i: { id: gid("Alert", alert.id) } }, { token: admin });
  }

  it("delivers changes within the subscriber's reach and never another tenant's", async () => {
    const owner = await t.subscribe(SUBSCRIBE, {}, { token: await t.tokenFor("owner@northwind-msp.test") });
    const clientUser = await t.subscribe(SUBSCRIBE, {}, { token: await t.tokenFor("viewer@fabrikam.test") });
    const other = await t.subscribe(SUBSCRIBE, {}, { token: await t.tokenFor("owner@contoso-it.test") });
    // Give the subscriptions a moment to be registered before publishing.
    await new Promise((resolve) => setTimeout(resolve, 200));

    await raise("litware", "Litware disk full");
    await raise("fabrikam", "Fabrikam printer jammed");

    const first = async (sub: Awaited<ReturnType<TestApi["subscribe"]>>) => {
      const message = (await sub.next()) as GraphQLResponse;
      return message.data?.alertChanged?.alert?.message;
    };
    // Events arrive in publish order: a leak would show up before the subscriber's own event.
    expect(await first(owner)).toBe("Fabrikam printer jammed");
    expect(await first(clientUser)).toBe("Fabrikam printer jammed");
    expect(await first(other)).toBe("Litware disk full");
    expect(await other.next(300)).toBe("timeout");
    for (const sub of [owner, clientUser, other]) sub.close();
  });

  it("refuses anonymous subscribers", async () => {
    const sub = await t.subscribe(SUBSCRIBE);
    const message = (await sub.next()) as GraphQLResponse;
    expect(message.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    sub.close();
  });
});
