import { type Database, databaseFromUrl, seedId } from "@mspgraph/db";
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
  /** Syncs both partners at once, Northwind's on instance A, Contoso's on instance B. */
  syncBoth(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Two API instances over one database, each with its own Syncro plugin (nothing shared in
 * memory), configured from the same settings production reads from its environment, and two
 * partners each with a Syncro account; both accounts count against one per-IP limit.
 * @remarks On PostgreSQL instance B has its own connection pool, as a second process would;
 * PGlite has one connection, which both use.
 */
export async function startTwoInstances(input: { env: Record<string, string>; serverLimit: { max: number; windowMs: number } }): Promise<TTwoInstances> {
  const clock = { behindMs: 0 };
  const ipLimit = new SyncroIpRateLimit(input.serverLimit);
  const plugin = () => createSyncroPlugin({ backoffBaseMs: 1, backoffCapMs: 20, timeoutMs: 5_000, rateLimit: syncroRateLimitFromEnv(input.env) });
  const pluginA = plugin();
  const pluginB = plugin();
  const t = await createTestApi({ plugins: [psaPlugin, pluginA], logLevel: "warn" });
  const databaseB: Database = t.database.url ? databaseFromUrl(t.database.url) : t.database;
  const logger = createLogger({ level: "warn", destination: { write: (line: string) => void t.logs.push(line) } });
  const worker = (database: Database, syncro: IntegrationPlugin) => async () => {
    while ((await processDueEvents({ database, plugins: [psaPlugin, syncro], keyRing: t.keyRing, logger, outbound: t.outbound, batch: 1 })) > 0);
  };
  const workA = worker(t.database, pluginA);
  const workB = worker(databaseB, pluginB);

  const account = async (ownerEmail: string, clientKey: string): Promise<TPartnerAccount> => {
    const server = await startSyncroServer({ now: () => new Date(Date.now() - clock.behindMs), rateLimit: ipLimit });
    const owner = await t.tokenFor(ownerEmail);
    const connected = await t.gql('mutation ($c: JSONObject!, $k: JSONObject!) { connectIntegration(input: { pluginId: "syncro", credentials: $k, config: $c }) { userErrors { message } } }', { k: { subdomain: clientKey, apiToken: server.token }, c: { baseUrl: server.url, syncMinutes: 1440 } }, { token: owner });
    if (connected.data?.connectIntegration?.userErrors?.length !== 0) throw new Error(`could not connect Syncro: ${JSON.stringify(connected)}`);
    // The first scheduled sync runs now, on an empty account; linking then resets the checkpoint.
    await workA();
    const customer = server.state.addCustomer({ businessName: `${clientKey} customer` });
    const clientId = seedId("client", clientKey);
    await t.gql("mutation ($c: ID!, $s: Int!) { linkSyncroCustomer(input: { clientId: $c, customerId: $s }) { userErrors { message } } }", { c: gid("Client", clientId), s: customer.id }, { token: owner });
    return { owner, server, customerId: customer.id, clientId };
  };
  const northwind = await account("owner@northwind-msp.test", "fabrikam");
  const contoso = await account("owner@contoso-it.test", "litware");
  const sync = (partner: TPartnerAccount) => t.gql('mutation { syncIntegration(input: { pluginId: "syncro" }) { userErrors { message } } }', {}, { token: partner.owner });

  return {
    t,
    ipLimit,
    clock,
    northwind,
    contoso,
    syncBoth: async () => {
      // Each instance claims one event (batch of one): Northwind's sync on A, then Contoso's on B.
      await sync(northwind);
      const first = workA();
      await until(async () => (await t.database.prisma.integrationEvent.count({ where: { kind: "sync", status: "PENDING" } })) === 0);
      await sync(contoso);
      await Promise.all([first, workB()]);
    },
    close: async () => {
      if (databaseB !== t.database) await databaseB.close();
      await t.close();
      await Promise.all([northwind.server.close(), contoso.server.close()]);
    },
  };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}
