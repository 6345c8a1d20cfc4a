import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { databaseFromUrl } from "@mspgraph/db";
import { authConfig, keyRing } from "@mspgraph/schema";
import { composeSchema } from "../src/composed-schema.js";
import { createLogger } from "@mspgraph/schema/server";
import { createApi } from "../src/yoga.js";
import { startBareDashboard } from "./bare-dashboard.js";

// One server under measurement, in its own process so its memory and CPU are its own.
// argv: mode (api | api-no-authz | bare), port. Env: BENCH_DATABASE_URL, BENCH_JWT_SECRET.
const [mode, port] = [process.argv[2], Number(process.argv[3])];
const url = process.env.BENCH_DATABASE_URL!;
const auth = authConfig(Buffer.from(process.env.BENCH_JWT_SECRET!, "base64url"));

if (mode === "bare") {
  await startBareDashboard({ url, auth, port });
} else {
  const database = databaseFromUrl(url, { max: 10 });
  const api = createApi({
    database,
    auth,
    keyRing: keyRing("bench", { bench: randomBytes(32) }),
    auditKey: randomBytes(32),
    logger: createLogger({ level: "silent" }),
    production: true,
    // The bench measures speed, not the budget.
    hourlyBudget: 1_000_000_000,
    ...(mode === "api-no-authz" ? { schema: composeSchema({ authorization: false }) } : {}),
  });
  createServer(api.handleNode).listen(port, "127.0.0.1");
}
process.send?.("ready");
