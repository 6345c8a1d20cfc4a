import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@mspgraph/db";
import type { Principal } from "../principal.js";
import { hashOpaqueToken, newOpaqueToken } from "./opaque-tokens.js";

export const API_KEY_PREFIX = "mspk";
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

// lastUsedAt is a hint for humans; writing it at most once a minute keeps reads cheap.
const LAST_USED_RESOLUTION_MS = 60_000;

/** A new key: `mspk_<prefix>_<secret>`. The prefix identifies it in lists; only a hash is stored. */
export function newApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = randomBytes(4).toString("hex");
  const key = `${API_KEY_PREFIX}_${prefix}_${newOpaqueToken("s").slice(2)}`;
  return { key, prefix, keyHash: hashOpaqueToken(key) };
}

/** The key's principal: its partner's reach and its scopes; null for an unknown or revoked key. */
export async function principalFromApiKey(prisma: PrismaClient, key: string): Promise<Principal | null> {
  const found = await prisma.apiKey.findUnique({ where: { keyHash: hashOpaqueToken(key) } });
  if (!found || found.revokedAt) return null;
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return { kind: "apiKey", keyId: found.id, partnerId: found.partnerId, scopes: found.scopes, label: `API key ${found.prefix} (${found.name})` };
}
