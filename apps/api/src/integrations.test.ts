import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { definePlugin } from "@mspgraph/plugins";
import { createPluginContext, keyRing, reencryptSecrets } from "@mspgraph/schema";
import { createLogger } from "@mspgraph/schema/server";
import { decryptCredentials } from "@mspgraph/schema/credentials";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const GOOD_TOKEN = "acme-live-token-0123456789";
// The demo seed has connections of its own (MSP360's, holding the demo's backup plans).
const ACME = { pluginId: "acme-rmm" };

// A service that accepts one token, standing in for a vendor's API in the credential check.
let vendor: Server;
let vendorUrl = "";
const acme = definePlugin({
  id: "acme-rmm",
  name: "Acme RMM",
  version: "1.2.0",
  capabilities: ["backups"],
  // Connection tests only: this stand-in reports no plans.
  backups: { listPlans: async function* () {}, clientIdForCompany: async () => null },
  credentialsSchema: z.object({ apiToken: z.string().min(10, "must be at least 10 characters") }),
  configSchema: z.object({ region: z.enum(["eu", "us"]).default("eu") }),
  async verifyCredentials({ credentials }) {
    const response = await fetch(`${vendorUrl}/me`, { headers: { authorization: `Bearer ${credentials.apiToken}` } });
    return response.ok ? { ok: true } : { ok: false, message: "Acme rejected the API token" };
  },
});

const INTEGRATIONS = "{ integrations(first: 10) { edges { node { pluginId name version capabilities status config hasCredentials credentialsUpdatedAt lastError } } } }";
const CONNECT = "mutation ($i: ConnectIntegrationInput!) { connectIntegration(input: $i) { integration { status hasCredentials config } userErrors { field code message } } }";

describe("integration connections", () => {
  let t: TestApi;
  let owner: string;
  const responses: string[] = [];
  const run = async (...args: Parameters<TestApi["gql"]>) => {
    const result = await t.gql(...args);
    responses.push(JSON.stringify(result));
    return result;
  };

  beforeAll(async () => {
    vendor = createServer((req, res) => res.writeHead(req.headers.authorization === `Bearer ${GOOD_TOKEN}` ? 200 : 401).end("{}"));
    await new Promise<void>((resolve) => vendor.listen(0, "127.0.0.1", resolve));
    vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
    t = await createTestApi({ plugins: [acme] });
    owner = await t.tokenFor("owner@northwind-msp.test");
  });
  afterAll(async () => {
    vendor.close();
    await t.close();
  });

  it("lists each plugin, disconnected until connected", async () => {
    const list = await run(INTEGRATIONS, {}, { token: owner });
    expect(list.data!.integrations.edges).toEqual([
      { node: { pluginId: "acme-rmm", name: "Acme RMM", version: "1.2.0", capabilities: ["backups"], status: "DISCONNECTED", config: null, hasCredentials: false, credentialsUpdatedAt: null, lastError: null } },
    ]);
  });

  it("validates credentials and config with the plugin's schemas, then checks them live", async () => {
    const bad = await run(CONNECT, { i: { pluginId: "acme-rmm", credentials: { apiToken: "short" }, config: { region: "mars" } } }, { token: owner });
    expect(bad.data!.connectIntegration.userErrors.map((e: { field: string }) => e.field).sort()).toEqual(["config.region", "credentials.apiToken"]);
    const rejected = await run(CONNECT, { i: { pluginId: "acme-rmm", credentials: { apiToken: "wrong-token-123" } } }, { token: owner });
    expect(rejected.data!.connectIntegration.userErrors).toEqual([{ field: "credentials", code: "BAD_USER_INPUT", message: "Acme rejected the API token" }]);
    expect(await t.database.prisma.integrationConnection.count({ where: ACME })).toBe(0);
    const unknown = await run(CONNECT, { i: { pluginId: "nope", credentials: {} } }, { token: owner });
    expect(unknown.data!.connectIntegration.userErrors[0]).toMatchObject({ field: "pluginId", code: "NOT_FOUND" });
  });

  it("stores the credentials encrypted and never returns them", async () => {
    const ok = await run(CONNECT, { i: { pluginId: "acme-rmm", credentials: { apiToken: GOOD_TOKEN }, config: { region: "us" } } }, { token: owner });
    expect(ok.data!.connectIntegration).toEqual({ integration: { status: "OK", hasCredentials: true, config: { region: "us" } }, userErrors: [] });
    const row = await t.database.prisma.integrationConnection.findFirstOrThrow({ where: ACME });
    expect(row.credentialsCiphertext).not.toContain(GOOD_TOKEN);
    expect(decryptCredentials(t, row)).toEqual({ apiToken: GOOD_TOKEN });
    const tampered = { ...row, credentialsCiphertext: `${row.credentialsCiphertext!.slice(0, -2)}xx` };
    expect(() => decryptCredentials(t, tampered)).toThrow(/cannot be decrypted/);
    expect(() => decryptCredentials(t, { ...row, pluginId: "other" })).toThrow(/cannot be decrypted/);
    await run(INTEGRATIONS, {}, { token: owner });
    await run("{ auditEvents(first: 50) { edges { node { metadata } } } }", {}, { token: owner });
    expect(responses.join("\n")).not.toContain(GOOD_TOKEN);
    expect(t.logs.join("\n")).not.toContain(GOOD_TOKEN);
  });

  it("re-encrypts every stored secret under a new key after rotation", async () => {
    const logger = createLogger({ level: "silent" });
    const before = await t.database.prisma.integrationConnection.findFirstOrThrow({ where: ACME });
    await createPluginContext({ root: t.database.prisma, keyRing: t.keyRing, logger, connection: before }).saveState({ token: "cached-vendor-token" });
    const rotated = keyRing("next", { test: t.keyRing.keys.get("test")!, next: randomBytes(32) });
    expect(await reencryptSecrets(t.database.prisma, rotated)).toBe(2);
    const row = await t.database.prisma.integrationConnection.findFirstOrThrow({ where: ACME });
    expect([row.credentialsCiphertext, row.stateCiphertext].map((value) => value!.split(".")[1])).toEqual(["next", "next"]);
    expect(decryptCredentials({ keyRing: rotated }, row)).toEqual({ apiToken: GOOD_TOKEN });
    // Only the new key is needed from now on.
    const onlyNext = keyRing("next", { next: rotated.keys.get("next")! });
    expect(await createPluginContext({ root: t.database.prisma, keyRing: onlyNext, logger, connection: row }).loadState()).toEqual({ token: "cached-vendor-token" });
    expect(await reencryptSecrets(t.database.prisma, rotated)).toBe(0);
  });

  it("keeps connections per partner and managed by OWNER/ADMIN", async () => {
    const other = await run(INTEGRATIONS, {}, { token: await t.tokenFor("owner@contoso-it.test") });
    expect(other.data!.integrations.edges[0].node.status).toBe("DISCONNECTED");
    const tech = await t.tokenFor("tech@northwind-msp.test");
    expect((await run(INTEGRATIONS, {}, { token: tech })).data!.integrations.edges[0].node.status).toBe("OK");
    expect(codeOf(await run(CONNECT, { i: { pluginId: "acme-rmm", credentials: { apiToken: GOOD_TOKEN } } }, { token: tech }))).toBe("FORBIDDEN");
    expect(codeOf(await run(INTEGRATIONS, {}, { token: await t.tokenFor("admin@fabrikam.test") }))).toBe("FORBIDDEN");
  });

  it("updates settings without re-sending credentials, and disconnects", async () => {
    const UPDATE = "mutation ($i: UpdateIntegrationInput!) { updateIntegration(input: $i) { integration { config hasCredentials } userErrors { field code } } }";
    const updated = await run(UPDATE, { i: { pluginId: "acme-rmm", config: { region: "eu" } } }, { token: owner });
    expect(updated.data!.updateIntegration).toEqual({ integration: { config: { region: "eu" }, hasCredentials: true }, userErrors: [] });
    const out = await run("mutation { disconnectIntegration(input: { pluginId: \"acme-rmm\" }) { integration { status hasCredentials } } }", {}, { token: owner });
    expect(out.data!.disconnectIntegration.integration).toEqual({ status: "DISCONNECTED", hasCredentials: false });
    expect(await t.database.prisma.integrationConnection.count({ where: ACME })).toBe(0);
  });
});
