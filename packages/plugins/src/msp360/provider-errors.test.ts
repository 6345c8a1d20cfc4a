import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Msp360PluginHarness, startMsp360PluginHarness } from "./testing/plugin-harness.js";

const LINK = "mutation ($n: String!, $c: ID!) { linkMsp360Company(input: { companyName: $n, clientId: $c }) { company { name } userErrors { field code } } }";

describe("MSP360's failures on the plugin's own fields", () => {
  let h: Msp360PluginHarness;
  beforeAll(async () => {
    h = await startMsp360PluginHarness();
  });
  afterEach(() => h.server.faults.clear());
  afterAll(() => h.close());

  it("answers PROVIDER_ERROR with reason UNAVAILABLE and MSP360's status when MSP360 is down, never a masked server error", async () => {
    h.server.faults.failNext(10, 503);
    const result = await h.t.gql("{ msp360Companies { name } }", {}, { token: h.owner });
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^MSP360 answered 503/), extensions: { code: "PROVIDER_ERROR", reason: "UNAVAILABLE", provider: "msp360" } }),
    ]);
  });

  it("answers PROVIDER_ERROR, not 'no such company', when MSP360 cannot be asked, and links nothing", async () => {
    h.server.faults.failNext(10, 500);
    const down = await h.t.gql(LINK, { n: "Company only MSP360 knows", c: h.fabrikam }, { token: h.owner });
    expect(down.errors?.[0]?.extensions).toEqual({ code: "PROVIDER_ERROR", reason: "UNAVAILABLE", provider: "msp360" });
    expect(await h.t.database.prisma.msp360CompanyLink.count()).toBe(0);
  });
});
