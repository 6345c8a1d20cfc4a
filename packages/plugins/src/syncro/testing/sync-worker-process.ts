// A second API instance's background worker in an OS process of its own, for the scale test on
// PostgreSQL. It reads its Syncro settings from the environment as the API does
// (MSPGRAPH_SYNCRO_EGRESS, MSPGRAPH_SYNCRO_RATE_LIMIT) and claims one event at a time until
// SIGTERM. Test-only: the database URL and the test's encryption key come in the environment.
import { databaseFromUrl } from "@mspgraph/db";
import { keyRing, parseOutboundAllow } from "@mspgraph/schema";
import { createLogger, processDueEvents } from "@mspgraph/schema/server";
import { psaPlugin } from "../../psa/index.js";
import { createSyncroPlugin } from "../plugin.js";
import { syncroRateLimitFromEnv } from "../rate-limit-settings.js";

const { WORKER_DATABASE_URL: url, WORKER_KEY: key } = process.env;
if (!url || !key) throw new Error("WORKER_DATABASE_URL and WORKER_KEY are required");
const database = databaseFromUrl(url);
const syncro = createSyncroPlugin({ backoffBaseMs: 1, backoffCapMs: 20, timeoutMs: 5_000, rateLimit: syncroRateLimitFromEnv(process.env) });
const options = {
  database,
  plugins: [psaPlugin, syncro],
  keyRing: keyRing("test", { test: Buffer.from(key, "base64") }),
  logger: createLogger({ level: "warn" }),
  outbound: parseOutboundAllow("127.0.0.1"),
  batch: 1,
};

let stopping = false;
process.once("SIGTERM", () => {
  stopping = true;
});
console.log("worker ready");
while (!stopping) {
  const processed = await processDueEvents(options);
  if (processed > 0) console.log(`processed ${processed}`);
  else await new Promise((resolve) => setTimeout(resolve, 20));
}
await database.close();
