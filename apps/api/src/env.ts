import { type DatabaseConfig, resolveDatabaseConfig } from "@mspgraph/db";
import { z } from "zod";
import { type Secrets, decodeSecret, loadOrCreateEmbeddedSecrets } from "./secrets.js";

const ZApiEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_HOST: z.string().default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MSPGRAPH_JWT_SECRET: z.string().optional(),
});

export type ApiEnv = Omit<z.infer<typeof ZApiEnv>, "MSPGRAPH_JWT_SECRET"> & { database: DatabaseConfig; secrets: Secrets };

function readSecrets(env: z.infer<typeof ZApiEnv>, database: DatabaseConfig): Secrets {
  if (env.MSPGRAPH_JWT_SECRET) return { jwtSecret: decodeSecret("MSPGRAPH_JWT_SECRET", env.MSPGRAPH_JWT_SECRET) };
  if (database.kind === "pglite") return loadOrCreateEmbeddedSecrets(database.dataDir);
  throw new Error("MSPGRAPH_JWT_SECRET is required with DATABASE_URL (every API instance must share it): `openssl rand -base64 32`");
}

/** The API's whole configuration, read and validated once at start. */
export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = ZApiEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { MSPGRAPH_JWT_SECRET: _secret, ...settings } = parsed.data;
  const database = resolveDatabaseConfig(env);
  return { ...settings, database, secrets: readSecrets(parsed.data, database) };
}
