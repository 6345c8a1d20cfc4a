import type { PrismaClient } from "@mspgraph/db";
import type { RequestInfo } from "../context.js";
import type { ImpersonationLink, Principal } from "../principal.js";
import { CLIENT_AUDIENCE, STAFF_AUDIENCE, signAccessToken } from "./access-tokens.js";
import type { AuthConfig } from "./auth-config.js";

export const IMPERSONATION_TTL_MS = 30 * 60 * 1000;

type Staff = Extract<Principal, { kind: "staff" }>;
export type ImpersonationSubject = { type: "PARTNER"; partnerId: string; name: string } | { type: "CLIENT"; partnerId: string; clientId: string; name: string };

/**
 * Starts an impersonation session of `actor` acting as the subject's ADMIN, for at most
 * 30 minutes and never beyond the impersonation it was started from. Reach checks are the
 * caller's (shield rules and the tenant-scoped lookup of the subject).
 */
export async function startImpersonationSession(options: {
  prisma: PrismaClient;
  config: AuthConfig;
  actor: Staff;
  actorName: string;
  subject: ImpersonationSubject;
  reason: string;
  request: RequestInfo;
}): Promise<{ accessToken: string; expiresAt: Date; sessionId: string; chain: ImpersonationLink[] }> {
  const { prisma, actor, subject } = options;
  const now = Date.now();
  const ceiling = actor.impersonation ? actor.impersonation.expiresAt.getTime() : Number.POSITIVE_INFINITY;
  const expiresAt = new Date(Math.min(now + IMPERSONATION_TTL_MS, ceiling));
  const actorId = actor.impersonation?.actorId ?? actor.userId;
  const link: ImpersonationLink = {
    actorId,
    actorName: options.actorName,
    subjectType: subject.type,
    subjectId: subject.type === "PARTNER" ? subject.partnerId : subject.clientId,
    subjectName: subject.name,
    startedAt: new Date(now).toISOString(),
  };
  const chain = [...(actor.impersonation?.chain ?? []), link];
  const session = await prisma.authSession.create({
    data: {
      subject: subject.type === "PARTNER" ? "STAFF" : "CLIENT",
      staffUserId: actorId,
      parentSessionId: actor.sessionId,
      impersonatedPartnerId: subject.partnerId,
      impersonatedClientId: subject.type === "CLIENT" ? subject.clientId : null,
      impersonationReason: options.reason,
      chain,
      // Stopping hands back a parent token that expires no later than the one that started it.
      parentTokenExpiresAt: actor.tokenExpiresAt ?? new Date(now + options.config.accessTokenTtlSeconds * 1000),
      ip: options.request.ip,
      userAgent: options.request.userAgent.slice(0, 500),
      expiresAt,
    },
  });
  const config = { ...options.config, accessTokenTtlSeconds: Math.max(1, Math.floor((expiresAt.getTime() - now) / 1000)) };
  const token = await signAccessToken(config, {
    audience: subject.type === "CLIENT" ? CLIENT_AUDIENCE : STAFF_AUDIENCE,
    userId: actorId,
    sessionId: session.id,
    ...(subject.type === "CLIENT" ? { clientId: subject.clientId } : {}),
    actorChain: chain.map((l) => l.actorId),
  });
  return { accessToken: token.token, expiresAt: token.expiresAt, sessionId: session.id, chain };
}

/**
 * A fresh access token for the session an impersonation was started from, expiring no later
 * than `notAfter` (when the token that started the impersonation expired): stopping must never
 * lengthen what the actor's own token was worth. Null when the parent session has ended or
 * `notAfter` has passed; the caller then refreshes its own session with its refresh token.
 */
export async function resumeParentSession(options: { prisma: PrismaClient; config: AuthConfig; parentSessionId: string; notAfter?: Date }): Promise<{ accessToken: string; expiresAt: Date } | null> {
  const { prisma, config } = options;
  const parent = await prisma.authSession.findUnique({ where: { id: options.parentSessionId }, include: { clientUser: true } });
  const now = Date.now();
  if (!parent || parent.revokedAt || parent.expiresAt.getTime() <= now) return null;
  const remaining = Math.floor((parent.expiresAt.getTime() - now) / 1000);
  const notAfter = options.notAfter ? Math.floor((options.notAfter.getTime() - now) / 1000) : Number.POSITIVE_INFINITY;
  const ttl = Math.min(parent.impersonatedPartnerId ? remaining : Math.min(config.accessTokenTtlSeconds, remaining), notAfter);
  if (ttl < 1) return null;
  const isClient = parent.subject === "CLIENT";
  const clientId = parent.impersonatedClientId ?? parent.clientUser?.clientId;
  const token = await signAccessToken(
    { ...config, accessTokenTtlSeconds: ttl },
    {
      audience: isClient ? CLIENT_AUDIENCE : STAFF_AUDIENCE,
      userId: (parent.staffUserId ?? parent.clientUserId)!,
      sessionId: parent.id,
      ...(isClient && clientId ? { clientId } : {}),
      ...(parent.chain ? { actorChain: (parent.chain as ImpersonationLink[]).map((l) => l.actorId) } : {}),
    },
  );
  return { accessToken: token.token, expiresAt: token.expiresAt };
}
