import { type DatabaseConfig, resolveDatabaseConfig } from "@mspgraph/db";
import { z } from "zod";

const ZApiEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_HOST: z.string().default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ApiEnv = z.infer<typeof ZApiEnv> & { database: DatabaseConfig };

/** The API's whole configuration, read and validated once at start. */
export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = ZApiEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return { ...parsed.data, database: resolveDatabaseConfig(env) };
}
