import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@mspgraph/db";
import type { Principal } from "../principal.js";
import { hashOpaqueToken, newOpaqueToken } from "./opaque-tokens.js";
import { partnerSuspended } from "./suspension.js";

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

type KeyRow = { id: string; partner_id: string; name: string; prefix: string; scopes: string[]; last_used_at: Date | null; revoked: boolean; partner_suspended: boolean };

/**
 * The key's principal: its partner's reach and its scopes; null for an unknown or revoked key.
 * @throws UNAUTHENTICATED (PARTNER_SUSPENDED) while its partner is suspended; the key is kept.
 */
export async function principalFromApiKey(prisma: PrismaClient, key: string): Promise<Principal | null> {
  const [found] = await prisma.$queryRaw<KeyRow[]>`
    SELECT k.id, k."partnerId" AS partner_id, k.name, k.prefix, k.scopes, k."lastUsedAt" AS last_used_at,
           k."revokedAt" IS NOT NULL AS revoked, p."suspendedAt" IS NOT NULL AS partner_suspended
    FROM "ApiKey" k JOIN "Partner" p ON p.id = k."partnerId"
    WHERE k."keyHash" = ${hashOpaqueToken(key)}`;
  if (!found || found.revoked) return null;
  if (found.partner_suspended) throw partnerSuspended(true);
  if (!found.last_used_at || Date.now() - found.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return { kind: "apiKey", keyId: found.id, partnerId: found.partner_id, scopes: found.scopes, label: `API key ${found.prefix} (${found.name})` };
}
