import { createServer } from "node:http";
import { authConfig } from "@mspgraph/schema";
import { applyMigrations, openDatabase, pendingMigrations, seedDemo, seedSampleTickets } from "@mspgraph/db";
import { readApiEnv } from "./env.js";
import { coreOutlets, createLogger, startEventDispatcher, startEventWorker, startMailWorker, startNoticeMailWorker, startWebhookWorker } from "@mspgraph/schema/server";
import { createBuiltInPlugins, createPluginRegistry } from "@mspgraph/plugins";
import { createApi } from "./yoga.js";

// Listens; everything the API does is built in yoga.ts.
const env = readApiEnv();
const logger = createLogger({ level: env.LOG_LEVEL });
const database = await openDatabase(env.database);
// Syncro paces on the egress setting: instances that share an address share one budget.
const plugins = createPluginRegistry(createBuiltInPlugins({ syncro: env.syncroRateLimit })).plugins;

if (env.database.kind === "pglite") {
  const applied = await applyMigrations(database);
  if (applied.length > 0) logger.info({ applied }, "applied migrations to the embedded database");
  if ((await database.prisma.partner.count()) === 0) {
    await seedDemo(database.prisma, (line) => logger.info(line));
    await seedSampleTickets(database.prisma);
    logger.info("seeded demo data (first run)");
  }
}

if (env.database.kind === "postgres") {
  const pending = await pendingMigrations(database.sql).catch(() => []);
  if (pending.length > 0) logger.warn({ pending }, "the database needs migrations: run `npm run db:migrate`; /readyz answers 503 until then");
}

const api = createApi({ database, logger, auth: authConfig(env.secrets.jwtSecret), keyRing: env.secrets.keyRing, outbound: env.outbound, auditKey: env.secrets.auditKey, production: env.NODE_ENV === "production", trustedProxies: env.trustedProxies, hourlyBudget: env.MSPGRAPH_HOURLY_BUDGET, plugins, mail: env.mail });
const server = createServer(api.handleNode);
const worker = startEventWorker({ database, plugins, keyRing: env.secrets.keyRing, outbound: env.outbound, logger, events: api.events });
const dispatcher = startEventDispatcher({ database, logger, outlets: coreOutlets({ database, keyRing: env.secrets.keyRing, events: api.events, logger }) });
const mailWorker = startMailWorker({ database, keyRing: env.secrets.keyRing, logger, from: env.mail.from, ...(env.smtpUrl ? { smtpUrl: env.smtpUrl } : {}) });
const webhookWorker = startWebhookWorker({ database, keyRing: env.secrets.keyRing, logger, outbound: env.outbound, publicUrl: env.mail.publicUrl });
// Writes the due (five-minute batched) notification emails into the outbox the mail worker sends.
const noticeMailWorker = startNoticeMailWorker({ prisma: database.prisma, keyRing: env.secrets.keyRing, publicUrl: env.mail.publicUrl, logger });
server.listen(env.API_PORT, env.API_HOST, () => {
  logger.info({ url: `http://${env.API_HOST}:${env.API_PORT}/graphql`, database: env.database.kind }, "mspgraph API listening");
});

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  await Promise.all([worker.stop(), mailWorker.stop(), webhookWorker.stop(), noticeMailWorker.stop(), dispatcher.stop(), api.close()]);
  await database.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
