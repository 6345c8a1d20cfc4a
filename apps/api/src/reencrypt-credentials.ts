import { openDatabase } from "@mspgraph/db";
import { reencryptSecrets } from "@mspgraph/schema";
import { readApiEnv } from "./env.js";

// `npm run secrets:reencrypt`: after adding a key to MSPGRAPH_ENCRYPTION_KEYS and making it
// active, rewrites every stored secret under it (integration credentials, webhook secrets,
// plugin state, users' TOTP secrets). Values already under the active key are left alone.
const env = readApiEnv();
const database = await openDatabase(env.database);
try {
  const count = await reencryptSecrets(database.prisma, env.secrets.keyRing);
  console.log(`re-encrypted ${count} stored secret(s) under key "${env.secrets.keyRing.activeKeyId}"`);
} finally {
  await database.close();
}
