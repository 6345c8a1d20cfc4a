import { seedId } from "@mspgraph/db";
import { gid } from "@mspgraph/schema/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SyncroPluginHarness, startSyncroPluginHarness } from "./testing/plugin-harness.js";

const CUSTOMERS = "{ syncroCustomers { customers { name } } }";
const LINK = "mutation ($c: ID!, $s: Int!) { linkSyncroCustomer(input: { clientId: $c, customerId: $s }) { customer { name } userErrors { field code } } }";

describe("Syncro's failures on the plugin's own fields", () => {
  let h: SyncroPluginHarness;
  const tailspin = gid("Client", seedId("client", "tailspin"));
  beforeAll(async () => {
    h = await startSyncroPluginHarness({ provider: false });
  });
  afterEach(() => h.server.faults.clear());
  afterAll(() => h.close());

  it("answers PROVIDER_ERROR with reason UNAVAILABLE and Syncro's status when Syncro is down, never a masked server error", async () => {
    h.server.faults.failNext(10, 503);
    const result = await h.t.gql(CUSTOMERS, {}, { token: h.owner });
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Syncro answered 503/), extensions: { code: "PROVIDER_ERROR", reason: "UNAVAILABLE", provider: "syncro" } }),
    ]);
  });

  it("tells a caller of linkSyncroCustomer 'Syncro is unavailable' apart from 'no such customer', and links nothing", async () => {
    const other = h.server.state.addCustomer({ businessName: "Tailspin Toys" });
    h.server.faults.failNext(10, 502);
    const down = await h.t.gql(LINK, { c: tailspin, s: other.id }, { token: h.owner });
    expect(down.errors?.[0]?.extensions).toEqual({ code: "PROVIDER_ERROR", reason: "UNAVAILABLE", provider: "syncro" });
    expect(await h.t.database.prisma.syncroCustomerLink.count({ where: { customerId: other.id } })).toBe(0);
    h.server.faults.clear();
    const missing = await h.t.gql(LINK, { c: tailspin, s: 999_999 }, { token: h.owner });
    expect(missing.data!.linkSyncroCustomer.userErrors).toEqual([{ field: "customerId", code: "NOT_FOUND" }]);
    const linked = await h.t.gql(LINK, { c: tailspin, s: other.id }, { token: h.owner });
    expect(linked.data!.linkSyncroCustomer).toEqual({ customer: { name: "Tailspin Toys" }, userErrors: [] });
  });

  it("answers PERMISSION_MISSING naming the permission when the token lacks one, and other calls keep working", async () => {
    h.server.state.denyPermission("Customers - List/Search");
    try {
      const refused = await h.t.gql(CUSTOMERS, {}, { token: h.owner });
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringContaining('lacks the permission "Customers - List/Search"'),
        extensions: { code: "PROVIDER_ERROR", reason: "PERMISSION_MISSING", provider: "syncro", permission: "Customers - List/Search" },
      });
    } finally {
      h.server.state.allowPermission("Customers - List/Search");
    }
    expect((await h.t.gql(CUSTOMERS, {}, { token: h.owner })).errors).toBeUndefined();
  });

  it("answers CREDENTIALS_REJECTED when Syncro refuses the token, telling the admin to reconnect", async () => {
    h.server.faults.failNext(3, 401);
    const result = await h.t.gql(CUSTOMERS, {}, { token: h.owner });
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Syncro rejected the API token/), extensions: { code: "PROVIDER_ERROR", reason: "CREDENTIALS_REJECTED", provider: "syncro" } });
  });
});
