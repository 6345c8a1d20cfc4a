import { createHmac } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export type HashedFields = {
  chain: string;
  seq: number;
  at: Date;
  action: string;
  outcome: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  actorName: string | null;
  impersonation: unknown;
  partnerId: string | null;
  clientId: string | null;
  clientVisible: boolean;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  metadata: unknown;
};

/**
 * An event's hash: HMAC-SHA256 under the audit key over every field and the previous
 * event's hash.
 * @remarks Keyed so that whoever can rewrite the table but does not hold the key
 * (`MSPGRAPH_AUDIT_KEY`, kept outside the database) cannot recompute a chain that verifies.
 */
export function eventHash(key: Uint8Array, prevHash: string, fields: HashedFields): string {
  return createHmac("sha256", key).update(`${prevHash}\n${canonicalJson(fields)}`).digest("hex");
}
