import type { PrismaClient } from "@mspgraph/db";
import { apiError } from "../errors.js";
import type { RequestInfo } from "../context.js";
import { CLIENT_AUDIENCE, STAFF_AUDIENCE, signAccessToken } from "./access-tokens.js";
import type { AuthConfig } from "./auth-config.js";
import { hashOpaqueToken, newOpaqueToken } from "./opaque-tokens.js";
import { partnerSuspended } from "./suspension.js";

export type SessionIdentity = { subject: "STAFF"; userId: string } | { subject: "CLIENT"; userId: string; clientId: string };

export type SessionTokens = {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires; refresh before then. */
  expiresAt: Date;
  sessionId: string;
};

const REFRESH_TOKEN_PREFIX = "mspr";

async function issueTokens(prisma: PrismaClient, config: AuthConfig, session: { id: string; expiresAt: Date }, identity: SessionIdentity): Promise<SessionTokens> {
  const refreshToken = newOpaqueToken(REFRESH_TOKEN_PREFIX);
  await prisma.refreshToken.create({ data: { sessionId: session.id, tokenHash: hashOpaqueToken(refreshToken), expiresAt: session.expiresAt } });
  const access = await signAccessToken(config, {
    audience: identity.subject === "STAFF" ? STAFF_AUDIENCE : CLIENT_AUDIENCE,
    userId: identity.userId,
    sessionId: session.id,
    ...(identity.subject === "CLIENT" ? { clientId: identity.clientId } : {}),
  });
  return { accessToken: access.token, refreshToken, expiresAt: access.expiresAt, sessionId: session.id };
}

/** Starts a session after a successful sign-in. Uses the unscoped client: identity, not tenant data. */
export async function startSession(options: { prisma: PrismaClient; config: AuthConfig; identity: SessionIdentity; request: RequestInfo }): Promise<SessionTokens> {
  const { prisma, config, identity, request } = options;
  const session = await prisma.authSession.create({
    data: {
      subject: identity.subject,
      staffUserId: identity.subject === "STAFF" ? identity.userId : null,
      clientUserId: identity.subject === "CLIENT" ? identity.userId : null,
      ip: request.ip,
      userAgent: request.userAgent.slice(0, 500),
      expiresAt: new Date(Date.now() + config.sessionTtlSeconds * 1000),
    },
  });
  return issueTokens(prisma, config, session, identity);
}

/**
 * Ends a session and every impersonation started from it (at most two levels deep).
 * @returns the ids of every session it ended, for telling their live streams
 */
export async function revokeSession(prisma: PrismaClient, sessionId: string, reason: string): Promise<string[]> {
  const ended: string[] = [];
  let ids = [sessionId];
  for (let depth = 0; depth < 3 && ids.length > 0; depth++) {
    await prisma.authSession.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
    ended.push(...ids);
    ids = (await prisma.authSession.findMany({ where: { parentSessionId: { in: ids }, revokedAt: null }, select: { id: true } })).map((s) => s.id);
  }
  return ended;
}

const invalidRefresh = () => apiError("UNAUTHENTICATED", "The refresh token is invalid or expired: sign in again");

/**
 * Swaps a refresh token for a new pair. A token that was already used revokes its whole
 * session (its family): whoever presented it second may have stolen it.
 * @returns the new tokens and whether the token was a reuse (for the audit trail)
 */
export async function rotateRefreshToken(options: {
  prisma: PrismaClient;
  config: AuthConfig;
  refreshToken: string;
  /** Told when a spent token comes back, with the session's identity, for the audit trail. */
  onReuse?: (session: { id: string; staffUserId: string | null; clientUserId: string | null }) => Promise<void>;
}): Promise<SessionTokens> {
  const { prisma, config } = options;
  const stored = await prisma.refreshToken.findUnique({
    where: { tokenHash: hashOpaqueToken(options.refreshToken) },
    include: { session: { include: { staffUser: { include: { partner: { select: { suspendedAt: true } } } }, clientUser: { include: { client: true, partner: { select: { suspendedAt: true } } } } } } },
  });
  if (!stored) throw invalidRefresh();
  const { session } = stored;
  const now = new Date();
  if (stored.usedAt) {
    await revokeSession(prisma, session.id, "refresh token reused");
    await options.onReuse?.(session);
    throw invalidRefresh();
  }
  if (session.revokedAt || session.expiresAt <= now || stored.expiresAt <= now) throw invalidRefresh();
  // Refused but kept unspent, so the same token works again once the partner is reactivated.
  if ((session.staffUser ?? session.clientUser)?.partner?.suspendedAt) throw partnerSuspended();

  const identity = identityOf(session);
  if (!identity) {
    await revokeSession(prisma, session.id, "account disabled");
    throw invalidRefresh();
  }
  // Only one of two concurrent refreshes with the same token may win.
  const claimed = await prisma.refreshToken.updateMany({ where: { id: stored.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) {
    await revokeSession(prisma, session.id, "refresh token reused");
    await options.onReuse?.(session);
    throw invalidRefresh();
  }
  await prisma.authSession.update({ where: { id: session.id }, data: { lastUsedAt: now } });
  return issueTokens(prisma, config, session, identity);
}

type SessionWithUsers = {
  subject: "STAFF" | "CLIENT";
  staffUser: { id: string; disabledAt: Date | null } | null;
  clientUser: { id: string; clientId: string; disabledAt: Date | null; client: { archivedAt: Date | null } } | null;
};

function identityOf(session: SessionWithUsers): SessionIdentity | null {
  if (session.subject === "STAFF") {
    return session.staffUser && !session.staffUser.disabledAt ? { subject: "STAFF", userId: session.staffUser.id } : null;
  }
  const user = session.clientUser;
  if (!user || user.disabledAt || user.client.archivedAt) return null;
  return { subject: "CLIENT", userId: user.id, clientId: user.clientId };
}
