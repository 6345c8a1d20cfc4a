import type { PrismaClient } from "@mspgraph/db";
import { apiError } from "../errors.js";

/**
 * Why a credential was refused while its partner is suspended, in `extensions.reason` of an
 * UNAUTHENTICATED error and as the `code` of sign-in's and impersonation's user errors.
 */
export const PARTNER_SUSPENDED = "PARTNER_SUSPENDED";

export const SUSPENDED_MESSAGE = "This partner's access is suspended: contact the platform's support";

/**
 * The refusal of an access token, refresh token or API key of a suspended partner.
 * @remarks UNAUTHENTICATED, like any credential that stopped working, so clients and open
 * subscriptions stop at once; nothing is revoked, so reactivation restores access.
 * @param asBearer for a request's own credential: also answers HTTP 401
 */
export const partnerSuspended = (asBearer = false) =>
  apiError("UNAUTHENTICATED", SUSPENDED_MESSAGE, { reason: PARTNER_SUSPENDED, ...(asBearer ? { http: { status: 401 } } : {}) });

/**
 * The live sessions of a partner's people: its staff's, its client users', and platform
 * admins' impersonations of it, so their streams can be told at once when it is suspended.
 */
export async function partnerSessionIds(prisma: PrismaClient, partnerId: string): Promise<string[]> {
  const sessions = await prisma.authSession.findMany({
    where: {
      revokedAt: null,
      expiresAt: { gt: new Date() },
      OR: [{ staffUser: { partnerId } }, { clientUser: { partnerId } }, { impersonatedPartnerId: partnerId }],
    },
    select: { id: true },
  });
  return sessions.map((session) => session.id);
}
