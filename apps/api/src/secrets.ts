import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const ZSecretsFile = z.object({ jwtSecret: z.string().min(43) });
export type Secrets = { jwtSecret: Uint8Array };

/**
 * The embedded mode's keys: generated on first start into the data directory (owner-only
 * permissions) and read back on every later start, so sessions survive restarts.
 */
export function loadOrCreateEmbeddedSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  try {
    const parsed = ZSecretsFile.parse(JSON.parse(readFileSync(file, "utf8")));
    return { jwtSecret: Buffer.from(parsed.jwtSecret, "base64url") };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`${file} is unreadable or damaged: delete it to generate new keys (everyone will be signed out)`);
  }
  mkdirSync(dataDir, { recursive: true });
  const jwtSecret = randomBytes(32);
  writeFileSync(file, JSON.stringify({ jwtSecret: jwtSecret.toString("base64url") }), { mode: 0o600, flag: "wx" });
  return { jwtSecret };
}

/** A secret given in the environment: base64 or base64url of at least 32 random bytes. */
export function decodeSecret(name: string, value: string): Uint8Array {
  const bytes = Buffer.from(value, "base64url");
  if (bytes.byteLength < 32) throw new Error(`${name} must be at least 32 random bytes, base64-encoded (e.g. \`openssl rand -base64 32\`)`);
  return bytes;
}
