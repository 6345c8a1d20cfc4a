import { type PrismaClient, openDatabase } from "@mspgraph/db";
import { type KeyRing, keyIdOf } from "@mspgraph/schema";
import { decryptCredentials, encryptCredentialsWith } from "@mspgraph/schema/credentials";
import { readApiEnv } from "./env.js";

/**
 * Re-encrypts every stored integration credential under the key ring's active key, after a
 * rotation. Values already under it are left alone; it can run again safely.
 * @returns how many connections were rewritten
 */
export async function reencryptCredentials(prisma: PrismaClient, ring: KeyRing): Promise<number> {
  const connections = await prisma.integrationConnection.findMany({ where: { credentialsCiphertext: { not: null } } });
  let rewritten = 0;
  for (const connection of connections) {
    if (keyIdOf(connection.credentialsCiphertext!) === ring.activeKeyId) continue;
    const credentials = decryptCredentials({ keyRing: ring }, connection)!;
    const credentialsCiphertext = encryptCredentialsWith(ring, connection.partnerId, connection.pluginId, credentials);
    await prisma.integrationConnection.update({ where: { id: connection.id }, data: { credentialsCiphertext } });
    rewritten++;
  }
  return rewritten;
}

// `npm run secrets:reencrypt`: after adding a key to MSPGRAPH_ENCRYPTION_KEYS and making it active.
if (process.argv[1] === import.meta.filename) {
  const env = readApiEnv();
  const database = await openDatabase(env.database);
  try {
    const count = await reencryptCredentials(database.prisma, env.secrets.keyRing);
    console.log(`re-encrypted ${count} integration credential(s) under key "${env.secrets.keyRing.activeKeyId}"`);
  } finally {
    await database.close();
  }
}
