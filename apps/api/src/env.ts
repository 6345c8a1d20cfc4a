import { type DatabaseConfig, resolveDatabaseConfig } from "@mspgraph/db";
import { z } from "zod";
import { type Secrets, decodeSecret, keyRingFromEnv, loadOrCreateEmbeddedSecrets } from "./secrets.js";

const ZApiEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_HOST: z.string().default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MSPGRAPH_JWT_SECRET: z.string().optional(),
  MSPGRAPH_ENCRYPTION_KEYS: z.string().optional(),
  MSPGRAPH_ENCRYPTION_KEY_ID: z.string().optional(),
  MSPGRAPH_AUDIT_KEY: z.string().optional(),
});

export type ApiEnv = Omit<z.infer<typeof ZApiEnv>, "MSPGRAPH_JWT_SECRET" | "MSPGRAPH_ENCRYPTION_KEYS" | "MSPGRAPH_ENCRYPTION_KEY_ID" | "MSPGRAPH_AUDIT_KEY"> & {
  database: DatabaseConfig;
  secrets: Secrets;
};

// Secrets from the environment win; the embedded mode generates what is missing.
function readSecrets(env: z.infer<typeof ZApiEnv>, database: DatabaseConfig): Secrets {
  const embedded = database.kind === "pglite" ? loadOrCreateEmbeddedSecrets(database.dataDir) : undefined;
  const jwtSecret = env.MSPGRAPH_JWT_SECRET ? decodeSecret("MSPGRAPH_JWT_SECRET", env.MSPGRAPH_JWT_SECRET) : embedded?.jwtSecret;
  if (!jwtSecret) throw new Error("MSPGRAPH_JWT_SECRET is required with DATABASE_URL (every API instance must share it): `openssl rand -base64 32`");
  const keyRing = env.MSPGRAPH_ENCRYPTION_KEYS ? keyRingFromEnv(env.MSPGRAPH_ENCRYPTION_KEYS, env.MSPGRAPH_ENCRYPTION_KEY_ID) : embedded?.keyRing;
  if (!keyRing) throw new Error('MSPGRAPH_ENCRYPTION_KEYS is required with DATABASE_URL: "k1:$(openssl rand -base64 32)"');
  const auditKey = env.MSPGRAPH_AUDIT_KEY ? decodeSecret("MSPGRAPH_AUDIT_KEY", env.MSPGRAPH_AUDIT_KEY) : embedded?.auditKey;
  if (!auditKey) throw new Error("MSPGRAPH_AUDIT_KEY is required with DATABASE_URL (every API instance must share it; keep it outside the database): `openssl rand -base64 32`");
  return { jwtSecret, keyRing, auditKey };
}

/** The API's whole configuration, read and validated once at start. */
export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = ZApiEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { MSPGRAPH_JWT_SECRET: _jwt, MSPGRAPH_ENCRYPTION_KEYS: _keys, MSPGRAPH_ENCRYPTION_KEY_ID: _keyId, MSPGRAPH_AUDIT_KEY: _audit, ...settings } = parsed.data;
  const database = resolveDatabaseConfig(env);
  return { ...settings, database, secrets: readSecrets(parsed.data, database) };
}
