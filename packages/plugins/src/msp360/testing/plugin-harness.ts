import { createHash } from "node:crypto";
import { seedId } from "@mspgraph/db";
import { createLogger, processDueEvents } from "@mspgraph/schema/server";
import { type TestApi, createTestApi, gid } from "@mspgraph/schema/testing";
import { psaPlugin } from "../../psa/index.js";
import { createMsp360Plugin } from "../plugin.js";
import { generateMonitoringRows } from "./generate-rows.js";
import { type TMsp360Server, type TMsp360ServerOptions, startMsp360Server } from "./msp360-server.js";
import { NET_MIN_DATE, type TMsp360WireMonitoringRow, toWireDate } from "./wire-types.js";

export type Msp360PluginHarness = {
  t: TestApi;
  server: TMsp360Server;
  plugin: ReturnType<typeof createMsp360Plugin>;
  /** Northwind's OWNER, who connected MSP360. */
  owner: string;
  fabrikam: string;
  tailspin: string;
  connectionId: string;
  /** Runs the background worker until nothing is due (alerts go to the API's subscribers). */
  work(): Promise<void>;
  /** syncIntegration, then the worker. */
  poll(): Promise<void>;
  link(companyName: string, clientId: string): Promise<void>;
  /** The connection as staff see it under Integrations. */
  integration(): Promise<{ status: string; lastError: string | null; lastSyncAt: string | null }>;
  close(): Promise<void>;
};

const HOUR = 60 * 60 * 1000;

type TRowInput = {
  company: string;
  computer: string;
  plan: string;
  status?: number;
  error?: string | null;
  nextStart?: Date | null;
  lastStart?: Date;
  userId?: string;
  /** Default: one id per company, computer and plan name (a test of renames passes its own). */
  planId?: string;
  /** Default 0, a file backup. */
  planType?: number;
  reportLink?: string;
  /** The zone the dates are written in. Default UTC. */
  timeZone?: string;
};

/** One monitoring row as MSP360 sends it: a successful run an hour ago, due again tomorrow. */
export function monitoringRow(input: TRowInput): TMsp360WireMonitoringRow {
  const base = generateMonitoringRows(1)[0]!;
  const now = Date.now();
  const planId = input.planId ?? createHash("sha256").update(`${input.company}/${input.computer}/${input.plan}`).digest("hex").slice(0, 32);
  return {
    ...base,
    CompanyName: input.company,
    ComputerName: input.computer,
    PlanName: input.plan,
    PlanId: planId,
    PlanType: input.planType ?? 0,
    UserID: input.userId ?? `user-${input.company}`,
    Status: input.status ?? 0,
    ErrorMessage: input.error ?? null,
    LastStart: toWireDate(input.lastStart ?? new Date(now - HOUR), input.timeZone),
    NextStart: input.nextStart === null ? NET_MIN_DATE : toWireDate(input.nextStart ?? new Date(now + 23 * HOUR), input.timeZone),
    DetailedReportLink: input.reportLink ?? `https://mspbackups.example/Reports/DetailedReport?planId=${planId}`,
  };
}

/**
 * The API with the MSP360 plugin, connected by Northwind's owner to a local MSP360 server
 * its first scheduled poll done (the next is a day away: tests poll when they choose), and no
 * company linked yet.
 */
export async function startMsp360PluginHarness(options: TMsp360ServerOptions & { config?: Record<string, unknown> } = {}): Promise<Msp360PluginHarness> {
  const { config, ...serverOptions } = options;
  const server = await startMsp360Server(serverOptions);
  const plugin = createMsp360Plugin({ backoffBaseMs: 1, sleep: async () => undefined, timeoutMs: 5_000 });
  const plugins = [psaPlugin, plugin];
  const t = await createTestApi({ plugins });
  const owner = await t.tokenFor("owner@northwind-msp.test");
  const connect = await t.gql(
    'mutation ($c: JSONObject!, $k: JSONObject!) { connectIntegration(input: { pluginId: "msp360", credentials: $k, config: $c }) { integration { status } userErrors { message } } }',
    { k: { login: server.credentials.userName, password: server.credentials.password }, c: { baseUrl: server.url, pollMinutes: 1440, ...config } },
    { token: owner },
  );
  if (connect.data?.connectIntegration?.integration?.status !== "OK") throw new Error(`could not connect MSP360: ${JSON.stringify(connect)}`);
  const connection = await t.database.prisma.integrationConnection.findUniqueOrThrow({ where: { partnerId_pluginId: { partnerId: seedId("partner", "northwind-msp"), pluginId: "msp360" } } });
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => void t.logs.push(line) } });
  const work = async () => {
    while ((await processDueEvents({ database: t.database, plugins, keyRing: t.keyRing, logger, events: t.api.events, outbound: t.outbound })) > 0);
  };
  // The first slot's scheduled poll runs now: tests start from MSP360's rows (the demo's plans gone).
  await work();
  return {
    t,
    server,
    plugin,
    owner,
    fabrikam: gid("Client", seedId("client", "fabrikam")),
    tailspin: gid("Client", seedId("client", "tailspin")),
    connectionId: connection.id,
    work,
    poll: async () => {
      const sync = await t.gql('mutation { syncIntegration(input: { pluginId: "msp360" }) { userErrors { message } } }', {}, { token: owner });
      if (sync.data?.syncIntegration?.userErrors?.length !== 0) throw new Error(`could not sync: ${JSON.stringify(sync)}`);
      await work();
    },
    link: async (companyName, clientId) => {
      const linked = await t.gql("mutation ($n: String!, $c: ID!) { linkMsp360Company(input: { companyName: $n, clientId: $c }) { userErrors { message } } }", { n: companyName, c: clientId }, { token: owner });
      if (linked.data?.linkMsp360Company?.userErrors?.length !== 0) throw new Error(`could not link ${companyName}: ${JSON.stringify(linked)}`);
      await work();
    },
    integration: async () => {
      const result = await t.gql("{ integrations(first: 10) { edges { node { pluginId status lastError lastSyncAt } } } }", {}, { token: owner });
      return result.data!.integrations.edges.map((edge: { node: { pluginId: string } }) => edge.node).find((node: { pluginId: string }) => node.pluginId === "msp360");
    },
    close: async () => {
      await t.close();
      await server.close();
    },
  };
}
