import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@mspgraph/db";
import { type KeyRing, decryptJson, encryptJson } from "../crypto/credential-cipher.js";

// The ciphertext is bound to its endpoint: a secret copied onto another row does not decrypt.
const secretAad = (endpointId: string) => `WebhookEndpoint:${endpointId}`;

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

/** The secret as stored: encrypted under the key ring's active key. */
export const sealWebhookSecret = (ring: KeyRing, endpointId: string, secret: string) => encryptJson(ring, secret, secretAad(endpointId));

/** The secret of a stored endpoint, for signing (never for a response). */
export const openWebhookSecret = (ring: KeyRing, endpoint: { id: string; secretCiphertext: string }) => decryptJson<string>(ring, endpoint.secretCiphertext, secretAad(endpoint.id));

/**
 * Re-encrypts every endpoint's secret not yet under the key ring's active key (after a rotation).
 * @returns how many were rewritten
 */
export async function reencryptWebhookSecrets(prisma: PrismaClient, ring: KeyRing): Promise<number> {
  const endpoints = await prisma.webhookEndpoint.findMany({ where: { NOT: { secretCiphertext: { startsWith: `v1.${ring.activeKeyId}.` } } }, select: { id: true, secretCiphertext: true } });
  for (const endpoint of endpoints) {
    await prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secretCiphertext: sealWebhookSecret(ring, endpoint.id, openWebhookSecret(ring, endpoint)) } });
  }
  return endpoints.length;
}
