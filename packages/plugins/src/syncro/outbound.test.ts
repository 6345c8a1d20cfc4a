import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { STRICT_OUTBOUND } from "@mspgraph/schema";
import { createTestApi } from "@mspgraph/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { psaPlugin } from "../psa/index.js";
import { createSyncroPlugin } from "./plugin.js";
import { type SyncroPluginHarness, startSyncroPluginHarness } from "./testing/plugin-harness.js";
import { type TSyncroServer, startSyncroServer } from "./testing/syncro-server.js";

const CONNECT = 'mutation ($k: JSONObject!, $c: JSONObject) { connectIntegration(input: { pluginId: "syncro", credentials: $k, config: $c }) { integration { status } userErrors { field message code } } }';
const UPDATE = 'mutation ($k: JSONObject, $c: JSONObject) { updateIntegration(input: { pluginId: "syncro", credentials: $k, config: $c }) { integration { config } userErrors { field message code } } }';
const MARKER = "VENDOR-BODY-7f3a9c";

describe("where Syncro may be called, and what comes back", () => {
  let h: SyncroPluginHarness;
  let other: TSyncroServer;
  let contoso: string;
  beforeAll(async () => {
    h = await startSyncroPluginHarness({ provider: false });
    other = await startSyncroServer({ token: h.server.token });
    contoso = await h.t.tokenFor("owner@contoso-it.test");
  });
  afterAll(async () => {
    await other.close();
    await h.close();
  });

  const connectAt = (baseUrl: string) => h.t.gql(CONNECT, { k: { subdomain: "contoso", apiToken: h.server.token }, c: { baseUrl } }, { token: contoso });

  it("refuses a base URL on loopback, private, link-local or metadata addresses, or over http, before sending anything", async () => {
    const port = new URL(h.server.url).port;
    const refused = {
      [`https://[::1]:${port}/api/v1`]: "::1 is a loopback address",
      [`https://[::ffff:127.0.0.1]:${port}/api/v1`]: "::ffff:7f00:1 is a loopback address",
      "https://10.0.0.7/api/v1": "10.0.0.7 is a private address",
      "https://100.64.1.1/api/v1": "100.64.1.1 is a carrier-grade NAT address",
      "https://169.254.169.254/latest/meta-data": "169.254.169.254 is a cloud metadata address",
      "https://[fd00:ec2::254]/latest": "fd00:ec2::254 is a cloud metadata address",
      "http://contoso.syncromsp.com/api/v1": "only https is allowed, except to hosts named in MSPGRAPH_OUTBOUND_ALLOW",
    };
    const before = h.server.requests.length;
    for (const [baseUrl, reason] of Object.entries(refused)) {
      const result = await connectAt(baseUrl);
      expect(result.data!.connectIntegration).toEqual({
        integration: null,
        userErrors: [{ field: "config.baseUrl", code: "OUTBOUND_NOT_ALLOWED", message: `Syncro may not be called there: address not allowed (${reason})` }],
      });
    }
    expect(h.server.requests.length).toBe(before);
  });

  it("refuses a host name that resolves to loopback, checked on the address it connects to", async () => {
    const before = h.server.requests.length;
    const port = new URL(h.server.url).port;
    const result = await connectAt(`https://localhost:${port}/api/v1`);
    expect(result.data!.connectIntegration.userErrors).toEqual([
      { field: "config.baseUrl", code: "OUTBOUND_NOT_ALLOWED", message: `Syncro may not be called at localhost:${port}: address not allowed (localhost resolves to a loopback address)` },
    ]);
    expect(h.server.requests.length).toBe(before);
  });

  it("reaches the local server only because the tests' allow-list names 127.0.0.1", async () => {
    const strict = await createTestApi({ plugins: [psaPlugin, createSyncroPlugin()], outbound: STRICT_OUTBOUND });
    try {
      const before = h.server.requests.length;
      const result = await strict.gql(CONNECT, { k: { subdomain: "contoso", apiToken: h.server.token }, c: { baseUrl: h.server.url } }, { token: await strict.tokenFor("owner@contoso-it.test") });
      expect(result.data!.connectIntegration.userErrors[0]).toMatchObject({ field: "config.baseUrl", code: "OUTBOUND_NOT_ALLOWED" });
      expect(h.server.requests.length).toBe(before);
    } finally {
      await strict.close();
    }
  });

  it("does not follow a redirect to a private address", async () => {
    const before = h.server.requests.length;
    const target = `http://localhost:${new URL(h.server.url).port}/api/v1/tickets/settings`;
    const redirector = createServer((_req, res) => void res.writeHead(307, { location: target }).end());
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    try {
      const result = await connectAt(`http://127.0.0.1:${(redirector.address() as AddressInfo).port}/api/v1`);
      expect(result.data!.connectIntegration.userErrors).toEqual([{ field: "config.baseUrl", code: "OUTBOUND_NOT_ALLOWED", message: expect.stringMatching(/: redirect not followed \(127\.0\.0\.1:\d+ answered 307\)$/) }]);
      expect(h.server.requests.length).toBe(before);
    } finally {
      await new Promise((resolve) => redirector.close(resolve));
    }
  });

  it("will not send the stored token to a new base URL: it must be entered again", async () => {
    const moved = await h.t.gql(UPDATE, { c: { baseUrl: other.url, syncMinutes: 1440 } }, { token: h.owner });
    expect(moved.data!.updateIntegration).toEqual({
      integration: null,
      userErrors: [{ field: "config.baseUrl", code: "BAD_USER_INPUT", message: "This changes where Syncro is reached, and the stored credentials are never sent to a new address: enter the credentials again with it" }],
    });
    const dropped = await h.t.gql(UPDATE, { c: { syncMinutes: 1440 } }, { token: h.owner });
    expect(dropped.data!.updateIntegration.userErrors).toMatchObject([{ field: "credentials.subdomain", code: "BAD_USER_INPUT" }]);
    await h.sync();
    expect(other.requests).toEqual([]);
    const kept = await h.t.gql(UPDATE, { c: { baseUrl: h.server.url, syncMinutes: 60 } }, { token: h.owner });
    expect(kept.data!.updateIntegration).toEqual({ integration: { config: { baseUrl: h.server.url, syncMinutes: 60 } }, userErrors: [] });
    const reentered = await h.t.gql(UPDATE, { k: { subdomain: "northwind", apiToken: h.server.token }, c: { baseUrl: other.url, syncMinutes: 1440 } }, { token: h.owner });
    expect(reentered.data!.updateIntegration.userErrors).toEqual([]);
    expect(other.requests.map((request) => request.path)).toEqual(["/me"]);
    await h.t.gql(UPDATE, { k: { subdomain: "northwind", apiToken: h.server.token }, c: { baseUrl: h.server.url, syncMinutes: 1440 } }, { token: h.owner });
  });

  it("never shows what Syncro sent with an error: not in GraphQL errors, user errors, lastError or the logs", async () => {
    h.server.faults.failNext(10, 502, { message: `upstream said ${MARKER}` });
    const read = await h.t.gql("{ syncroCustomers { customers { name } } }", {}, { token: h.owner });
    expect(read.errors).toHaveLength(1);
    const status = await h.t.gql('{ integrations(first: 10) { edges { node { pluginId status lastError } } } }', {}, { token: h.owner });
    const connect = await connectAt(h.server.url);
    expect(connect.data!.connectIntegration.userErrors[0].message).toBe("Syncro answered 502 (server error) on GET /me");
    h.server.faults.clear();
    h.server.faults.failNext(1, 422, { message: MARKER });
    const write = await h.t.gql('mutation { syncIntegration(input: { pluginId: "syncro" }) { userErrors { message } } }', {}, { token: h.owner });
    await h.work();
    const after = await h.t.gql('{ integrations(first: 10) { edges { node { pluginId lastError } } } }', {}, { token: h.owner });
    expect(JSON.stringify([read, status, connect, write, after, h.t.logs])).not.toContain(MARKER);
    expect(JSON.stringify(status)).toContain("Syncro answered 502 (server error)");
    h.server.faults.clear();
  });
});
