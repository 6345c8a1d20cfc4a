import { freePort } from "@mspgraph/db/testing";
import { codeOf, gid } from "@mspgraph/schema/testing";
import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncroPluginHarness, startSyncroPluginHarness } from "./testing/plugin-harness.js";

const CONNECT = 'mutation ($k: JSONObject!, $c: JSONObject) { updateIntegration(input: { pluginId: "syncro", credentials: $k, config: $c }) { integration { status } userErrors { field message } } }';

describe("connecting Syncro and linking its customers", () => {
  let h: SyncroPluginHarness;
  beforeAll(async () => {
    h = await startSyncroPluginHarness({ provider: false });
  });
  afterAll(() => h.close());

  it("explains a bad token, a bad subdomain and an unreachable host, and keeps the working credentials", async () => {
    const badToken = await h.t.gql(CONNECT, { k: { subdomain: "northwind", apiToken: "not-the-token" }, c: { baseUrl: h.server.url } }, { token: h.owner });
    expect(badToken.data!.updateIntegration.userErrors[0].message).toMatch(/^Syncro rejected the API token: create a new token/);
    const badSubdomain = await h.t.gql(CONNECT, { k: { subdomain: "north wind!", apiToken: h.server.token } }, { token: h.owner });
    expect(badSubdomain.data!.updateIntegration.userErrors).toEqual([{ field: "credentials.subdomain", message: expect.stringMatching(/subdomain may only contain letters, digits and hyphens/) }]);
    const closed = `http://127.0.0.1:${await freePort()}/api/v1`;
    const unreachable = await h.t.gql(CONNECT, { k: { subdomain: "northwind", apiToken: h.server.token }, c: { baseUrl: closed } }, { token: h.owner });
    expect(unreachable.data!.updateIntegration.userErrors[0].message).toMatch(/reach/i);
    const customers = await h.t.gql("{ syncroCustomers { customers { name } } }", {}, { token: h.owner });
    expect(customers.data!.syncroCustomers.customers).toEqual([{ name: "Fabrikam Dental Group" }]);
  });

  it("passes a search to Syncro as typed, so % and _ are text, not wildcards", async () => {
    h.server.state.addCustomer({ businessName: "100% Uptime" });
    const search = async (text: string) => (await h.t.gql("query ($s: String) { syncroCustomers(search: $s) { customers { name } } }", { s: text }, { token: h.owner })).data!.syncroCustomers.customers;
    expect(await search("0%")).toEqual([{ name: "100% Uptime" }]);
    expect(h.server.requests.at(-1)!.query).toMatchObject({ query: "0%" });
    expect(await search("_")).toEqual([]);
    expect(h.server.requests.at(-1)!.query).toMatchObject({ query: "_" });
  });

  it("lists customers with their links, refuses a second link, and unlinks", async () => {
    h.server.state.addCustomer({ businessName: "Tailspin Toys" });
    const list = await h.t.gql('{ syncroCustomers(search: "Tailspin") { page totalPages customers { id name linkedClient { name } } } }', {}, { token: h.owner });
    const tailspin = list.data!.syncroCustomers.customers[0];
    expect(list.data!.syncroCustomers).toMatchObject({ page: 1, totalPages: 1, customers: [{ name: "Tailspin Toys", linkedClient: null }] });
    const LINK = "mutation ($c: ID!, $s: Int!) { linkSyncroCustomer(input: { clientId: $c, customerId: $s }) { customer { name linkedClient { name } } userErrors { field code } } }";
    const twice = await h.t.gql(LINK, { c: h.fabrikam, s: tailspin.id }, { token: h.owner });
    expect(twice.data!.linkSyncroCustomer.userErrors).toEqual([{ field: "customerId", code: "CONFLICT" }]);
    const missing = await h.t.gql(LINK, { c: gid("Client", seedId("client", "tailspin")), s: 99999 }, { token: h.owner });
    expect(missing.data!.linkSyncroCustomer.userErrors).toEqual([{ field: "customerId", code: "NOT_FOUND" }]);
    const linked = await h.t.gql(LINK, { c: gid("Client", seedId("client", "tailspin")), s: tailspin.id }, { token: h.owner });
    expect(linked.data!.linkSyncroCustomer.customer.linkedClient.name).toBe("Tailspin Veterinary");
    const unlink = await h.t.gql("mutation ($c: ID!) { unlinkSyncroCustomer(input: { clientId: $c }) { customer { name linkedClient { name } } userErrors { code } } }", { c: gid("Client", seedId("client", "tailspin")) }, { token: h.owner });
    expect(unlink.data!.unlinkSyncroCustomer).toEqual({ customer: { name: "Tailspin Toys", linkedClient: null }, userErrors: [] });
  });

  it("keeps linking to OWNER/ADMIN, the customer list to staff, and other partners out", async () => {
    const tech = await h.t.tokenFor("tech@northwind-msp.test");
    expect(codeOf(await h.t.gql("mutation ($c: ID!) { unlinkSyncroCustomer(input: { clientId: $c }) { userErrors { code } } }", { c: h.fabrikam }, { token: tech }))).toBe("FORBIDDEN");
    expect(codeOf(await h.t.gql("{ syncroCustomers { page } }", {}, { token: await h.t.tokenFor("admin@fabrikam.test") }))).toBe("FORBIDDEN");
    const contoso = await h.t.gql("{ syncroCustomers { page } }", {}, { token: await h.t.tokenFor("owner@contoso-it.test") });
    expect(codeOf(contoso)).toBe("PROVIDER_UNAVAILABLE");
    const foreign = await h.t.gql("mutation ($c: ID!) { unlinkSyncroCustomer(input: { clientId: $c }) { userErrors { code } } }", { c: h.fabrikam }, { token: await h.t.tokenFor("owner@contoso-it.test") });
    expect(foreign.data!.unlinkSyncroCustomer.userErrors).toEqual([{ code: "NOT_FOUND" }]);
  });
});
