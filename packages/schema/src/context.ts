import type { Database, PrismaClient } from "@mspgraph/db";
import type { AuthConfig } from "./auth/auth-config.js";
import type { KeyRing } from "./crypto/credential-cipher.js";
import type { EventBus } from "./events.js";
import type { MailSettings } from "./mail/mail-settings.js";
import type { IntegrationPlugin } from "./integrations/plugin-contract.js";
import type { OutboundPolicy } from "./outbound/policy.js";
import { principalFromAuthorization } from "./auth/authenticate.js";
import { type LiveSession, liveSession } from "./auth/live-session.js";
import type { Principal } from "./principal.js";
import type { Logger } from "./server/logger.js";
import { scopeOf, scopedPrisma } from "./tenant-scope.js";
import { tenancyOf } from "./tenancy/tenancy.js";

/** Facts about the HTTP request a resolver may need (audit, throttling). */
export type RequestInfo = { ip: string; userAgent: string };

/** The caller's query budget after this request's cost was spent (GitHub's `rateLimit`). */
export type RateLimitState = { cost: number; limit: number; remaining: number; resetAt: Date };

/** The per-request context every resolver and shield rule receives. */
export type GraphQLContext = {
  requestId: string;
  principal: Principal;
  /** Tenant-scoped Prisma client: every query on a tenant model is limited to the principal's reach. */
  db: PrismaClient;
  /** The whole database, unscoped: only for sign-in and other named platform paths. */
  database: Database;
  auth: AuthConfig;
  request: RequestInfo;
  /** Live updates for subscriptions. */
  events: EventBus;
  /** Whether the caller's session still lives, for subscriptions that outlast the request. */
  liveSession: LiveSession;
  /** The plugins the API composed, for integration connections. */
  plugins: readonly IntegrationPlugin[];
  /** Encrypts and decrypts stored integration credentials. */
  keyRing: KeyRing;
  /** What integrations may reach besides public https addresses; plugins get its guarded fetch. */
  outbound: OutboundPolicy;
  /** Keys the audit trail's hash chains (HMAC-SHA256). */
  auditKey: Uint8Array;
  /** The API's logger (lines carry the request id). */
  logger: Logger;
  /** Where mail links point and whether mail is delivered (no SMTP secrets). */
  mail: MailSettings;
  /** Set by the API's budget check before execution. */
  rateLimit?: RateLimitState;
};

/** Builds a request's context: who is calling (from the bearer token) and their scoped data access. */
export async function createRequestContext(options: {
  database: Database;
  auth: AuthConfig;
  authorization: string | null;
  request: RequestInfo;
  requestId: string;
  events: EventBus;
  plugins: readonly IntegrationPlugin[];
  keyRing: KeyRing;
  outbound: OutboundPolicy;
  auditKey: Uint8Array;
  logger: Logger;
  mail: MailSettings;
  /** How often subscriptions re-check the session (tests shorten it). */
  sessionCheckIntervalMs?: number;
}): Promise<GraphQLContext> {
  const authenticate = () => principalFromAuthorization(options.database.prisma, options.auth, options.authorization);
  const principal = await authenticate();
  return {
    requestId: options.requestId,
    principal,
    db: scopedPrisma(options.database.prisma, scopeOf(principal), tenancyOf(options.plugins)),
    database: options.database,
    auth: options.auth,
    request: options.request,
    events: options.events,
    liveSession: liveSession(authenticate, options.sessionCheckIntervalMs),
    plugins: options.plugins,
    keyRing: options.keyRing,
    outbound: options.outbound,
    auditKey: options.auditKey,
    logger: options.logger,
    mail: options.mail,
  };
}

/**
 * Makes the rest of this request act as the holder of `accessToken` (after sign-in,
 * refresh or an impersonation change), exactly as a request carrying it would.
 */
export async function actAs(context: GraphQLContext, accessToken: string): Promise<Principal> {
  const principal = await principalFromAuthorization(context.database.prisma, context.auth, `Bearer ${accessToken}`);
  context.principal = principal;
  context.db = scopedPrisma(context.database.prisma, scopeOf(principal), tenancyOf(context.plugins));
  return principal;
}
