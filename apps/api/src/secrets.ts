import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type KeyRing, keyRing } from "@mspgraph/schema";
import { z } from "zod";

const ZSecretsFile = z.object({
  jwtSecret: z.string().min(43),
  encryptionKeys: z.record(z.string(), z.string()).optional(),
  activeEncryptionKeyId: z.string().optional(),
  auditKey: z.string().min(43).optional(),
});
export type Secrets = { jwtSecret: Uint8Array; keyRing: KeyRing; auditKey: Uint8Array };

/**
 * The embedded mode's keys: generated on first start into the data directory (owner-only
 * permissions) and read back on every later start, so sessions survive restarts.
 */
export function loadOrCreateEmbeddedSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  let stored: z.infer<typeof ZSecretsFile> | undefined;
  try {
    stored = ZSecretsFile.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`${file} is unreadable or damaged: without it, sessions end, stored integration credentials cannot be read and the audit trail cannot be verified`);
  }
  // A file from before credential encryption or the keyed audit trail gains the missing key;
  // nothing else changes.
  const secrets = {
    jwtSecret: stored?.jwtSecret ?? randomBytes(32).toString("base64url"),
    encryptionKeys: stored?.encryptionKeys ?? { k1: randomBytes(32).toString("base64url") },
    activeEncryptionKeyId: stored?.activeEncryptionKeyId ?? "k1",
    auditKey: stored?.auditKey ?? randomBytes(32).toString("base64url"),
  };
  if (!stored?.encryptionKeys || !stored.auditKey) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return {
    jwtSecret: Buffer.from(secrets.jwtSecret, "base64url"),
    keyRing: keyRing(secrets.activeEncryptionKeyId, Object.fromEntries(Object.entries(secrets.encryptionKeys).map(([id, key]) => [id, Buffer.from(key, "base64url")]))),
    auditKey: Buffer.from(secrets.auditKey, "base64url"),
  };
}

/**
 * Encryption keys from the environment: `MSPGRAPH_ENCRYPTION_KEYS="k1:<base64>,k2:<base64>"`,
 * the active one named by `MSPGRAPH_ENCRYPTION_KEY_ID` (default: the last listed).
 */
export function keyRingFromEnv(keys: string, activeId: string | undefined): KeyRing {
  const entries = keys.split(",").map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const [id, key] = entry.split(":");
    if (!id || !key) throw new Error('MSPGRAPH_ENCRYPTION_KEYS must look like "k1:<base64 of 32 bytes>,k2:<...>"');
    return [id, decodeSecret(`encryption key ${id}`, key)] as const;
  });
  const active = activeId ?? entries.at(-1)?.[0];
  if (!active) throw new Error("MSPGRAPH_ENCRYPTION_KEYS names no key");
  return keyRing(active, Object.fromEntries(entries));
}

/** A secret given in the environment: base64 or base64url of at least 32 random bytes. */
export function decodeSecret(name: string, value: string): Uint8Array {
  const bytes = Buffer.from(value, "base64url");
  if (bytes.byteLength < 32) throw new Error(`${name} must be at least 32 random bytes, base64-encoded (e.g. \`openssl rand -base64 32\`)`);
  return bytes;
}
