import { spawn } from "node:child_process";
import path from "node:path";
import { seedId } from "@mspgraph/db";
import type { IntegrationPlugin } from "@mspgraph/schema";
import { createLogger, processDueEvents } from "@mspgraph/schema/server";
import { type TestApi, createTestApi, gid } from "@mspgraph/schema/testing";
import { psaPlugin } from "../../psa/index.js";
import { createSyncroPlugin } from "../plugin.js";
import { syncroRateLimitFromEnv } from "../rate-limit-settings.js";
import { SyncroIpRateLimit } from "./ip-rate-limit.js";
import { type TSyncroServer, startSyncroServer } from "./syncro-server.js";

/** One partner's Syncro account and the client its one customer is linked to. */
export type TPartnerAccount = { owner: string; server: TSyncroServer; customerId: number; clientId: string };

export type TTwoInstances = {
  t: TestApi;
  /** Syncro's per-IP limit, counted over both accounts (our one egress address). */
  ipLimit: SyncroIpRateLimit;
  /** The servers' clock runs this far behind, so seeded records are old. */
  clock: { behindMs: number };
  northwind: TPartnerAccount;
  contoso: TPartnerAccount;
  /** Syncs both partners at once, one on each instance. */
  syncBoth(): Promise<void>;
  /** Events each instance has processed so far. */
  processed(): { a: number; b: number };
  close(): Promise<void>;
};

/**
 * Two API instances over one database, each with its own Syncro plugin configured from the
 * settings production reads from its environment, and two partners each with a Syncro
 * account; both accounts count against one per-IP limit.
 * @remarks On PostgreSQL instance B is a second OS process (`sync-worker-process.ts`) with its
 * own connections; PGlite has one connection, so there B runs in this process with its own
 * plugin instance (nothing shared in memory with A).
 */
export async function startTwoInstances(input: { env: Record<string, string>; serverLimit: { max: number; windowMs: number } }): Promise<TTwoInstances> {
  const clock = { behindMs: 0 };
  const ipLimit = new SyncroIpRateLimit(input.serverLimit);
  const plugin = () => createSyncroPlugin({ backoffBaseMs: 1, backoffCapMs: 20, timeoutMs: 5_000, rateLimit: syncroRateLimitFromEnv(input.env) });
  const pluginA = plugin();
  const t = await createTestApi({ plugins: [psaPlugin, pluginA], logLevel: "warn" });
  const logger = createLogger({ level: "warn", destination: { write: (line: string) => void t.logs.push(line) } });
  const poll = (syncro: IntegrationPlugin) => processDueEvents({ database: t.database, plugins: [psaPlugin, syncro], keyRing: t.keyRing, logger, outbound: t.outbound, batch: 1 });

  const account = async (ownerEmail: string, clientKey: string): Promise<TPartnerAccount> => {
    const server = await startSyncroServer({ now: () => new Date(Date.now() - clock.behindMs), rateLimit: ipLimit });
    const owner = await t.tokenFor(ownerEmail);
    const connected = await t.gql('mutation ($c: JSONObject!, $k: JSONObject!) { connectIntegration(input: { pluginId: "syncro", credentials: $k, config: $c }) { userErrors { message } } }', { k: { subdomain: clientKey, apiToken: server.token }, c: { baseUrl: server.url, syncMinutes: 1440 } }, { token: owner });
    if (connected.data?.connectIntegration?.userErrors?.length !== 0) throw new Error(`could not connect Syncro: ${JSON.stringify(connected)}`);
    // The first scheduled sync runs now, on an empty account; linking then resets the checkpoint.
    while ((await poll(pluginA)) > 0);
    const customer = server.state.addCustomer({ businessName: `${clientKey} customer` });
    const clientId = seedId("client", clientKey);
    await t.gql("mutation ($c: ID!, $s: Int!) { linkSyncroCustomer(input: { clientId: $c, customerId: $s }) { userErrors { message } } }", { c: gid("Client", clientId), s: customer.id }, { token: owner });
    return { owner, server, customerId: customer.id, clientId };
  };
  const northwind = await account("owner@northwind-msp.test", "fabrikam");
  const contoso = await account("owner@contoso-it.test", "litware");
  const instanceB = t.database.url ? await startWorkerProcess({ url: t.database.url, key: t.keyRing.keys.get("test")!, env: input.env }) : pollInProcess(() => poll(plugin()));
  const instanceA = pollInProcess(() => poll(pluginA));
  const sync = (partner: TPartnerAccount) => t.gql('mutation { syncIntegration(input: { pluginId: "syncro" }) { userErrors { message } } }', {}, { token: partner.owner });
  const syncEvents = (where: Record<string, unknown>) => t.database.prisma.integrationEvent.count({ where: { kind: "sync", ...where } });

  return {
    t,
    ipLimit,
    clock,
    northwind,
    contoso,
    syncBoth: async () => {
      // Each instance claims one event at a time, so while one runs a sync the other takes the next.
      await sync(northwind);
      await until(async () => (await syncEvents({ status: "PENDING" })) === 0);
      await sync(contoso);
      await until(async () => (await syncEvents({ OR: [{ status: "PROCESSING" }, { status: "PENDING", runAt: { lte: new Date() } }] })) === 0);
    },
    processed: () => ({ a: instanceA.processed(), b: instanceB.processed() }),
    close: async () => {
      await Promise.all([instanceA.stop(), instanceB.stop()]);
      await t.close();
      await Promise.all([northwind.server.close(), contoso.server.close()]);
    },
  };
}

type TInstance = { processed(): number; stop(): Promise<void> };

function pollInProcess(poll: () => Promise<number>): TInstance {
  let stopped = false;
  let processed = 0;
  const loop = (async () => {
    while (!stopped) {
      const count = await poll();
      processed += count;
      if (count === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    processed: () => processed,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

const tsx = path.resolve(import.meta.dirname, "../../../../../node_modules/.bin/tsx");

/** Instance B as an OS process of its own, configured through its environment. */
async function startWorkerProcess(input: { url: string; key: Uint8Array; env: Record<string, string> }): Promise<TInstance> {
  const env = { ...process.env, ...input.env, WORKER_DATABASE_URL: input.url, WORKER_KEY: Buffer.from(input.key).toString("base64") };
  const child = spawn(tsx, [path.join(import.meta.dirname, "sync-worker-process.ts")], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await Promise.race([until(async () => output.includes("worker ready")), exited.then(() => Promise.reject(new Error(`the worker process ended:\n${output}`)))]);
  return {
    processed: () => [...output.matchAll(/^processed (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}
