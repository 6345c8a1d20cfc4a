import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Msp360PluginHarness, startMsp360PluginHarness } from "./testing/plugin-harness.js";
import { type TMsp360Server, startMsp360Server } from "./testing/msp360-server.js";

const CONNECT = 'mutation ($k: JSONObject!, $c: JSONObject) { connectIntegration(input: { pluginId: "msp360", credentials: $k, config: $c }) { integration { status } userErrors { field message code } } }';
const UPDATE = 'mutation ($c: JSONObject) { updateIntegration(input: { pluginId: "msp360", config: $c }) { integration { config } userErrors { field message code } } }';
const MARKER = "VENDOR-BODY-41d2e8";

describe("where MSP360 may be called, and what comes back", () => {
  let h: Msp360PluginHarness;
  let other: TMsp360Server;
  beforeAll(async () => {
    h = await startMsp360PluginHarness();
    other = await startMsp360Server({ credentials: h.server.credentials });
  });
  afterAll(async () => {
    await other.close();
    await h.close();
  });

  it("will not send the stored login and password to a new API address: they must be entered again", async () => {
    const moved = await h.t.gql(UPDATE, { c: { baseUrl: other.url, pollMinutes: 1440 } }, { token: h.owner });
    expect(moved.data!.updateIntegration.userErrors).toEqual([
      { field: "config.baseUrl", code: "BAD_USER_INPUT", message: "This changes where MSP360 Managed Backup is reached, and the stored credentials are never sent to a new address: enter the credentials again with it" },
    ]);
    // Leaving baseUrl out means the default address: a move as well.
    const defaulted = await h.t.gql(UPDATE, { c: { pollMinutes: 1440 } }, { token: h.owner });
    expect(defaulted.data!.updateIntegration.userErrors).toMatchObject([{ field: "config.baseUrl", code: "BAD_USER_INPUT" }]);
    await h.poll();
    expect(other.requests).toEqual([]);
    const kept = await h.t.gql(UPDATE, { c: { baseUrl: h.server.url, pollMinutes: 30 } }, { token: h.owner });
    expect(kept.data!.updateIntegration.userErrors).toEqual([]);
  });

  it("refuses an API address on a metadata or private address before the password is sent", async () => {
    const contoso = await h.t.tokenFor("owner@contoso-it.test");
    const credentials = { login: h.server.credentials.userName, password: h.server.credentials.password };
    for (const baseUrl of ["https://169.254.169.254", "https://192.168.0.10", `https://localhost:${new URL(h.server.url).port}`]) {
      const result = await h.t.gql(CONNECT, { k: credentials, c: { baseUrl } }, { token: contoso });
      expect(result.data!.connectIntegration.userErrors).toMatchObject([{ field: "config.baseUrl", code: "OUTBOUND_NOT_ALLOWED", message: expect.stringContaining("address not allowed (") }]);
    }
  });

  it("never shows what MSP360 sent with an error: not in user errors, lastError or the logs", async () => {
    h.server.faults.failNext(10, 500, { message: `Server said ${MARKER}` });
    await h.poll();
    const status = await h.integration();
    expect(status).toMatchObject({ status: "DEGRADED", lastError: "MSP360 answered 500 (server error) on GET /api/Monitoring" });
    const companies = await h.t.gql("{ msp360Companies { name } }", {}, { token: h.owner });
    h.server.faults.clear();
    h.server.faults.failNext(1, 400, { target: "login", message: `Login said ${MARKER}` });
    const contoso = await h.t.tokenFor("owner@contoso-it.test");
    const connect = await h.t.gql(CONNECT, { k: { login: "someone", password: "x" }, c: { baseUrl: h.server.url } }, { token: contoso });
    expect(connect.data!.connectIntegration.userErrors).toHaveLength(1);
    expect(JSON.stringify([status, companies, connect, h.t.logs])).not.toContain(MARKER);
    h.server.faults.clear();
  });
});
