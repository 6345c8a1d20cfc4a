import { afterEach, describe, expect, it } from "vitest";
import { CREDENTIALS_REJECTED_MESSAGE } from "./client/errors.js";
import { LOGIN_REJECTED_MESSAGE } from "./plugin.js";
import { type Msp360PluginHarness, monitoringRow, startMsp360PluginHarness } from "./testing/plugin-harness.js";
import { countLogins, countRequests } from "./testing/test-helpers.js";

let h: Msp360PluginHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const rows = [monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Nightly" })];
const planCount = async (harness: Msp360PluginHarness) => (await harness.t.gql("{ backupPlans(first: 1) { totalCount } }", {}, { token: harness.owner })).data!.backupPlans.totalCount as number;
const connect = (harness: Msp360PluginHarness, credentials: Record<string, unknown>, config: Record<string, unknown> = { baseUrl: harness.server.url }) =>
  harness.t.gql(
    'mutation ($k: JSONObject!, $c: JSONObject) { connectIntegration(input: { pluginId: "msp360", credentials: $k, config: $c }) { integration { status config } userErrors { field message code } } }',
    { k: credentials, c: config },
    { token: harness.owner },
  );

describe("MSP360 connection", () => {
  it("keeps the bearer token encrypted in the connection's state and reuses it across polls", async () => {
    h = await startMsp360PluginHarness({ monitoring: rows });
    // connectIntegration's live check logged in, and so did the first scheduled poll, caching its token.
    expect(countLogins(h.server)).toBe(2);
    await h.poll();
    await h.poll();
    expect(countLogins(h.server)).toBe(2);
    expect(countRequests(h.server, { path: "/api/Monitoring", status: 200 })).toBe(3);
    const stored = await h.t.database.prisma.integrationConnection.findUniqueOrThrow({ where: { id: h.connectionId } });
    expect(stored.stateCiphertext).toBeTruthy();
    expect(JSON.stringify(stored)).not.toMatch(/accessToken|expiresAt|s3cret/);
  });

  it("logs in once more when MSP360 refuses an expired token, and stays OK", async () => {
    h = await startMsp360PluginHarness({ monitoring: rows });
    await h.poll();
    const before = countLogins(h.server);
    h.server.state.expireAllTokens();
    await h.poll();
    expect(countLogins(h.server)).toBe(before + 1);
    expect(countRequests(h.server, { path: "/api/Monitoring", status: 401 })).toBe(1);
    expect(countRequests(h.server, { path: "/api/Monitoring", status: 200 })).toBe(3);
    expect(await h.integration()).toMatchObject({ status: "OK", lastError: null });
  });

  it("sets the connection FAILING with a clear lastError when a fresh login's token is refused too", async () => {
    h = await startMsp360PluginHarness({ monitoring: rows });
    await h.poll();
    h.server.faults.unauthorizedNext(2);
    await h.poll();
    expect(await h.integration()).toMatchObject({ status: "FAILING", lastError: CREDENTIALS_REJECTED_MESSAGE });
    expect(await planCount(h)).toBe(1);
  });

  it("sets the connection FAILING when the credentials were regenerated in the console", async () => {
    h = await startMsp360PluginHarness({ monitoring: rows });
    h.server.state.regenerateCredentials();
    await h.poll();
    expect(await h.integration()).toMatchObject({ status: "FAILING", lastError: "credentials rejected: regenerate them in the MSP360 console and reconnect" });
    // A failed poll removes nothing.
    expect(await planCount(h)).toBe(1);
    // Reconnecting with the new credentials makes it OK again, and the next poll works.
    const renewed = await connect(h, { login: h.server.credentials.userName, password: h.server.credentials.password }, { baseUrl: h.server.url, pollMinutes: 1440 });
    expect(renewed.data!.connectIntegration.integration.status).toBe("OK");
    await h.poll();
    expect(await planCount(h)).toBe(1);
  });

  it("refuses to connect with wrong or missing credentials, saying why, and fills in the config's defaults", async () => {
    h = await startMsp360PluginHarness({ monitoring: rows });
    const wrong = await connect(h, { login: h.server.credentials.userName, password: "not-the-password" });
    expect(wrong.data!.connectIntegration).toEqual({ integration: null, userErrors: [{ field: "credentials", message: LOGIN_REJECTED_MESSAGE, code: "BAD_USER_INPUT" }] });
    const missing = await connect(h, { login: "  " });
    expect(missing.data!.connectIntegration.userErrors).toEqual([
      { field: "credentials.login", message: "must not be empty", code: "BAD_USER_INPUT" },
      { field: "credentials.password", message: expect.any(String), code: "BAD_USER_INPUT" },
    ]);
    const unreachable = await connect(h, { login: "a", password: "b" }, { baseUrl: "http://127.0.0.1:9" });
    expect(unreachable.data!.connectIntegration.userErrors[0].message).toMatch(/MSP360 could not be reached/);
    const ok = await connect(h, { login: h.server.credentials.userName, password: h.server.credentials.password }, { baseUrl: h.server.url });
    expect(ok.data!.connectIntegration.integration.config).toEqual({ baseUrl: h.server.url, pollMinutes: 15, missedGraceMinutes: 120, timeZone: "UTC" });
  });
});

describe("MSP360 time zone setting", () => {
  it("reads MSP360's offset-less dates in the connection's time zone", async () => {
    const lastStart = new Date("2025-07-01T14:30:00.250Z");
    const row = monitoringRow({ company: "Fabrikam Dental Group", computer: "FAB-DC-01", plan: "Nightly", lastStart, timeZone: "America/New_York" });
    expect(row.LastStart).toBe("2025-07-01T10:30:00.250");
    h = await startMsp360PluginHarness({ monitoring: [row], config: { timeZone: "America/New_York" } });
    const stored = await h.t.gql("{ backupPlans(first: 1) { edges { node { lastStart } } } }", {}, { token: h.owner });
    expect(stored.data!.backupPlans.edges[0].node.lastStart).toBe(lastStart.toISOString());
  });

  it("refuses a time zone that is not an IANA name and keeps one that is", async () => {
    h = await startMsp360PluginHarness({ monitoring: rows });
    const credentials = { login: h.server.credentials.userName, password: h.server.credentials.password };
    const wrong = await connect(h, credentials, { baseUrl: h.server.url, timeZone: "Mars/Olympus_Mons" });
    expect(wrong.data!.connectIntegration).toEqual({ integration: null, userErrors: [{ field: "config.timeZone", message: expect.stringContaining("IANA time zone"), code: "BAD_USER_INPUT" }] });
    const ok = await connect(h, credentials, { baseUrl: h.server.url, timeZone: "Europe/Berlin" });
    expect(ok.data!.connectIntegration.integration.config).toMatchObject({ timeZone: "Europe/Berlin" });
  });
});
