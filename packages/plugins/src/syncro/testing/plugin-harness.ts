import { seedId } from "@mspgraph/db";
import { createLogger, processDueEvents } from "@mspgraph/schema/server";
import { type TestApi, createTestApi, gid } from "@mspgraph/schema/testing";
import { psaPlugin } from "../../psa/index.js";
import { createSyncroPlugin } from "../plugin.js";
import { syncroRateLimitFromEnv } from "../rate-limit-settings.js";
import { type TSyncroServer, startSyncroServer } from "./syncro-server.js";

export type SyncroPluginHarness = {
  t: TestApi;
  server: TSyncroServer;
  /** The local Syncro's clock runs this far behind the real one (to make records "old"). */
  clock: { behindMs: number };
  /** Northwind's OWNER, who connected Syncro. */
  owner: string;
  /** The Syncro customer linked to Fabrikam Dental. */
  customerId: number;
  fabrikam: string;
  webhookPath: string;
  /** Runs the background worker until nothing is due. */
  work(): Promise<void>;
  sync(): Promise<void>;
  /** Syncro requests since the last call, as "METHOD /path". */
  takeRequests(): string[];
  close(): Promise<void>;
};

/**
 * The API with the Syncro plugin, connected by Northwind's owner to a local Syncro server,
 * Fabrikam Dental linked to a customer, and Syncro chosen as the ticket provider.
 */
export async function startSyncroPluginHarness(options: { provider?: boolean } = {}): Promise<SyncroPluginHarness> {
  const clock = { behindMs: 0 };
  // Syncro's minute shrunk to a second, on the server and in the plugin's setting alike: tests
  // make hundreds of calls.
  const server = await startSyncroServer({ now: () => new Date(Date.now() - clock.behindMs), rateLimit: { windowMs: 1_000 } });
  const rateLimit = syncroRateLimitFromEnv({ MSPGRAPH_SYNCRO_RATE_LIMIT: "170/1s" });
  const plugin = createSyncroPlugin({ backoffBaseMs: 1, backoffCapMs: 20, timeoutMs: 2_000, maxRetryAfterMs: 5_000, rateLimit });
  const t = await createTestApi({ plugins: [psaPlugin, plugin] });
  const owner = await t.tokenFor("owner@northwind-msp.test");
  const connect = await t.gql(
    'mutation ($c: JSONObject!, $k: JSONObject!) { connectIntegration(input: { pluginId: "syncro", credentials: $k, config: $c }) { integration { webhookPath } userErrors { message } } }',
    // A day between scheduled syncs: tests sync when they choose (the first slot's run is below).
    { k: { subdomain: "northwind", apiToken: server.token }, c: { baseUrl: server.url, syncMinutes: 1440 } },
    { token: owner },
  );
  const webhookPath = connect.data?.connectIntegration?.integration?.webhookPath;
  if (!webhookPath) throw new Error(`could not connect Syncro: ${JSON.stringify(connect)}`);
  // The first slot's scheduled sync runs now, before anything is linked; linking resets the
  // checkpoint, so a test's first sync reads everything.
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => void t.logs.push(line) } });
  const work = async () => {
    while ((await processDueEvents({ database: t.database, plugins: [psaPlugin, plugin], keyRing: t.keyRing, logger, outbound: t.outbound })) > 0);
  };
  await work();
  // (The worker's log lines join the API's in `t.logs`.)
  const customer = server.state.addCustomer({ businessName: "Fabrikam Dental Group", email: "office@fabrikam.test" });
  const fabrikam = gid("Client", seedId("client", "fabrikam"));
  await t.gql("mutation ($c: ID!, $s: Int!) { linkSyncroCustomer(input: { clientId: $c, customerId: $s }) { userErrors { message } } }", { c: fabrikam, s: customer.id }, { token: owner });
  if (options.provider !== false) await t.gql('mutation { setTicketProvider(input: { pluginId: "syncro" }) { userErrors { message } } }', {}, { token: owner });
  let seen = server.requests.length;
  return {
    t,
    server,
    clock,
    owner,
    customerId: customer.id,
    fabrikam,
    webhookPath,
    work,
    sync: async () => {
      await t.gql('mutation { syncIntegration(input: { pluginId: "syncro" }) { userErrors { message } } }', {}, { token: owner });
      await work();
    },
    takeRequests: () => {
      const taken = server.requests.slice(seen).map((request) => `${request.method} ${request.path}`);
      seen = server.requests.length;
      return taken;
    },
    close: async () => {
      await t.close();
      await server.close();
    },
  };
}
