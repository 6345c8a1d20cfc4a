import { type DatabaseConfig, resolveDatabaseConfig } from "@mspgraph/db";
import { type TSyncroRateLimit, syncroRateLimitFromEnv } from "@mspgraph/plugins";
import { DEMO_MAIL, type MailSettings, type OutboundPolicy, checkSmtpUrl, parseOutboundAllow } from "@mspgraph/schema";
import { HOURLY_BUDGET, type TrustedProxies, parseTrustedProxies } from "@mspgraph/schema/server";
import { z } from "zod";
import { type Secrets, decodeSecret, keyRingFromEnv, loadOrCreateEmbeddedSecrets } from "./secrets.js";

const ZApiEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_HOST: z.string().default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MSPGRAPH_HOURLY_BUDGET: z.coerce.number().int().min(1).default(HOURLY_BUDGET),
  MSPGRAPH_JWT_SECRET: z.string().optional(),
  MSPGRAPH_ENCRYPTION_KEYS: z.string().optional(),
  MSPGRAPH_ENCRYPTION_KEY_ID: z.string().optional(),
  // Hosts, host:port pairs and CIDR ranges integrations may reach besides public https addresses.
  MSPGRAPH_OUTBOUND_ALLOW: z.string().optional(),
  MSPGRAPH_AUDIT_KEY: z.string().optional(),
  /** Whose X-Forwarded-For counts: the proxies (or the web server) in front of the API. */
  MSPGRAPH_TRUSTED_PROXIES: z.string().default(""),
  /** The web app's address, which every link in a message starts with. */
  MSPGRAPH_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL like https://portal.example.com" }).default(DEMO_MAIL.publicUrl),
  // Holds the SMTP password: it goes to the mail worker only.
  MSPGRAPH_SMTP_URL: z.string().optional(),
  MSPGRAPH_MAIL_FROM: z.string().optional(),
});

type MailEnv = { mail: MailSettings; smtpUrl?: string };

function readMail(env: z.infer<typeof ZApiEnv>): MailEnv {
  const mail = { publicUrl: env.MSPGRAPH_PUBLIC_URL, from: env.MSPGRAPH_MAIL_FROM ?? DEMO_MAIL.from, delivers: Boolean(env.MSPGRAPH_SMTP_URL) };
  if (!env.MSPGRAPH_SMTP_URL) return { mail };
  try {
    checkSmtpUrl(env.MSPGRAPH_SMTP_URL);
  } catch (error) {
    throw new Error(`Invalid environment: MSPGRAPH_SMTP_URL: ${(error as Error).message}`);
  }
  if (!env.MSPGRAPH_MAIL_FROM) throw new Error('MSPGRAPH_MAIL_FROM is required with MSPGRAPH_SMTP_URL, e.g. "Northwind IT <it@northwind.example>"');
  return { mail, smtpUrl: env.MSPGRAPH_SMTP_URL };
}

type Consumed = "MSPGRAPH_JWT_SECRET" | "MSPGRAPH_ENCRYPTION_KEYS" | "MSPGRAPH_ENCRYPTION_KEY_ID" | "MSPGRAPH_OUTBOUND_ALLOW" | "MSPGRAPH_TRUSTED_PROXIES" | "MSPGRAPH_AUDIT_KEY" | "MSPGRAPH_PUBLIC_URL" | "MSPGRAPH_SMTP_URL" | "MSPGRAPH_MAIL_FROM";

export type ApiEnv = Omit<z.infer<typeof ZApiEnv>, Consumed> & MailEnv & {
  database: DatabaseConfig;
  secrets: Secrets;
  /** What integrations may reach besides public https addresses. */
  outbound: OutboundPolicy;
  trustedProxies: TrustedProxies;
  /** Syncro's per-IP limit as this instance paces it (MSPGRAPH_SYNCRO_EGRESS, MSPGRAPH_SYNCRO_RATE_LIMIT). */
  syncroRateLimit: TSyncroRateLimit;
};

function readOutbound(text: string | undefined): OutboundPolicy {
  try {
    return parseOutboundAllow(text);
  } catch (error) {
    throw new Error(`Invalid environment: MSPGRAPH_OUTBOUND_ALLOW: ${(error as Error).message}`);
  }
}

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
  const { MSPGRAPH_JWT_SECRET: _jwt, MSPGRAPH_ENCRYPTION_KEYS: _keys, MSPGRAPH_ENCRYPTION_KEY_ID: _keyId, MSPGRAPH_OUTBOUND_ALLOW: allow, MSPGRAPH_TRUSTED_PROXIES: proxies, MSPGRAPH_AUDIT_KEY: _audit, MSPGRAPH_PUBLIC_URL: _public, MSPGRAPH_SMTP_URL: _smtp, MSPGRAPH_MAIL_FROM: _from, ...settings } = parsed.data;
  const outbound = readOutbound(allow);
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(proxies);
  } catch (error) {
    throw new Error(`Invalid environment: MSPGRAPH_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
  const database = resolveDatabaseConfig(env);
  return { ...settings, ...readMail(parsed.data), database, outbound, trustedProxies, syncroRateLimit: syncroRateLimitFromEnv(env), secrets: readSecrets(parsed.data, database) };
}
