import { afterEach, describe, expect, it } from "vitest";
import { type Msp360PluginHarness, monitoringRow, startMsp360PluginHarness } from "./testing/plugin-harness.js";
import { clientFor } from "./testing/test-helpers.js";

let h: Msp360PluginHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const LINK = "mutation ($n: String!, $c: ID!) { linkMsp360Company(input: { companyName: $n, clientId: $c }) { company { name msp360Id planCount linkedClient { name } } userErrors { field code } } }";

describe("MSP360 companies (keyed Id, unlike users' ID)", () => {
  it("lists the account's companies with their ids and keeps the connection OK", async () => {
    h = await startMsp360PluginHarness({ monitoring: [monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Nightly" })] });
    h.server.state.setCompanies([
      { Id: "0b5a3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", Name: "Fabrikam Dental Group", StorageLimit: -1, LicenseSettings: 0 },
      { Id: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", Name: "Contoso Pharmacy", StorageLimit: 500, LicenseSettings: 1 },
    ]);
    const result = await h.t.gql("{ msp360Companies { name msp360Id planCount } }", {}, { token: h.owner });
    expect(result.errors).toBeUndefined();
    expect(result.data!.msp360Companies).toEqual([
      { name: "Contoso Pharmacy", msp360Id: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", planCount: 0 },
      { name: "Fabrikam Dental Group", msp360Id: "0b5a3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", planCount: 1 },
    ]);
    expect(await h.integration()).toMatchObject({ status: "OK", lastError: null });
  });

  it("links a company that has no stored plan yet, found in the Companies list", async () => {
    h = await startMsp360PluginHarness();
    h.server.state.setCompanies([{ Id: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", Name: "Contoso Pharmacy", StorageLimit: 500, LicenseSettings: 1 }]);
    const linked = await h.t.gql(LINK, { n: "Contoso Pharmacy", c: h.tailspin }, { token: h.owner });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkMsp360Company).toEqual({
      company: { name: "Contoso Pharmacy", msp360Id: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", planCount: 0, linkedClient: { name: "Tailspin Veterinary" } },
      userErrors: [],
    });
    const unknown = await h.t.gql(LINK, { n: "Nobody Ltd", c: h.tailspin }, { token: h.owner });
    expect(unknown.data!.linkMsp360Company.userErrors).toEqual([{ field: "companyName", code: "NOT_FOUND" }]);
    expect(await h.integration()).toMatchObject({ status: "OK", lastError: null });
  });

  it("reads users by ID and pages of computers out of their envelope", async () => {
    h = await startMsp360PluginHarness({
      monitoring: [
        monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Nightly", userId: "u-1" }),
        monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-XRAY-01", plan: "Images", userId: "u-1" }),
        monitoringRow({ company: "Tailspin Veterinary", computer: "TSV-NAS", plan: "NAS", userId: "u-2" }),
      ],
    });
    const client = clientFor(h.server);
    expect((await client.users()).map((user) => [user.ID, user.Company])).toEqual([["u-1", "Fabrikam Dental Group"], ["u-2", "Tailspin Veterinary"]]);
    const first = await client.computers(0, 2);
    const rest = await client.computers(2, 2);
    expect([...first, ...rest].map((computer) => [computer.ComputerName, computer.UserID, typeof computer.ComputerHID])).toEqual([
      ["FAB-DC-01", "u-1", "string"],
      ["FAB-XRAY-01", "u-1", "string"],
      ["TSV-NAS", "u-2", "string"],
    ]);
    expect(first[0]?.LastActivity).toBeInstanceOf(Date);
  });
});
