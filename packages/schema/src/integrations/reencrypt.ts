import type { IntegrationConnection, PrismaClient } from "@mspgraph/db";
import { type KeyRing, decryptJson, encryptJson, keyIdOf } from "../crypto/credential-cipher.js";
import { associatedData, webhookData } from "./connections.js";
import { stateData } from "./plugin-context.js";
import { reencryptTotpSecrets } from "../auth/totp.js";
import { reencryptWebhookSecrets } from "../webhooks/secrets.js";

// Every encrypted column of a connection, with what binds its ciphertext to the row.
const ENCRYPTED = [
  { column: "credentialsCiphertext", bind: (c: IntegrationConnection) => associatedData(c.partnerId, c.pluginId) },
  { column: "webhookSecretCiphertext", bind: (c: IntegrationConnection) => webhookData(c.partnerId, c.pluginId) },
  { column: "stateCiphertext", bind: (c: IntegrationConnection) => stateData(c) },
] as const;

/**
 * Re-encrypts every stored secret of every integration connection (credentials, webhook
 * secrets, plugin state), every user's TOTP secret and every webhook endpoint's signing secret, under the key ring's active key, after a rotation. Values already
 * under it are left alone, so it can run again safely.
 * @returns how many values were rewritten
 */
export async function reencryptSecrets(prisma: PrismaClient, ring: KeyRing): Promise<number> {
  const connections = await prisma.integrationConnection.findMany();
  let rewritten = 0;
  for (const connection of connections) {
    const data: Partial<Record<(typeof ENCRYPTED)[number]["column"], string>> = {};
    for (const { column, bind } of ENCRYPTED) {
      const stored = connection[column];
      if (!stored || keyIdOf(stored) === ring.activeKeyId) continue;
      data[column] = encryptJson(ring, decryptJson(ring, stored, bind(connection)), bind(connection));
      rewritten++;
    }
    if (Object.keys(data).length > 0) await prisma.integrationConnection.update({ where: { id: connection.id }, data });
  }
  return rewritten + (await reencryptTotpSecrets(prisma, ring)) + (await reencryptWebhookSecrets(prisma, ring));
}
