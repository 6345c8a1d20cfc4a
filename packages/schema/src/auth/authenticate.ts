import type { PrismaClient } from "@mspgraph/db";
import { apiError } from "../errors.js";
import { ANONYMOUS, type Principal } from "../principal.js";
import { CLIENT_AUDIENCE, verifyAccessToken } from "./access-tokens.js";
import type { AuthConfig } from "./auth-config.js";

type SessionRow = {
  active: boolean;
  staff_id: string | null;
  staff_role: string | null;
  staff_partner: string | null;
  staff_disabled: boolean | null;
  client_user_id: string | null;
  client_role: string | null;
  client_partner: string | null;
  client_id: string | null;
  client_usable: boolean | null;
};

const rejected = () => apiError("UNAUTHENTICATED", "The access token is invalid or expired: refresh it or sign in again", { http: { status: 401 } });

/**
 * The principal an `Authorization: Bearer` header names; anonymous without one.
 * @remarks Checks the session on every request (one statement), so logout and a reused
 * refresh token end access at once rather than when the access token expires.
 */
export async function principalFromAuthorization(prisma: PrismaClient, config: AuthConfig, authorization: string | null): Promise<Principal> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw rejected();
  const claims = await verifyAccessToken(config, match[1]!);
  if (!claims) throw rejected();

  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."revokedAt" IS NULL AND s."expiresAt" > now() AS active,
           su.id AS staff_id, su.role::text AS staff_role, su."partnerId" AS staff_partner, su."disabledAt" IS NOT NULL AS staff_disabled,
           cu.id AS client_user_id, cu.role::text AS client_role, cu."partnerId" AS client_partner, cu."clientId" AS client_id,
           (cu."disabledAt" IS NULL AND c."archivedAt" IS NULL) AS client_usable
    FROM "AuthSession" s
    LEFT JOIN "StaffUser" su ON su.id = s."staffUserId"
    LEFT JOIN "ClientUser" cu ON cu.id = s."clientUserId"
    LEFT JOIN "Client" c ON c.id = cu."clientId"
    WHERE s.id = ${claims.sessionId}::uuid`;
  if (!row?.active) throw rejected();

  if (claims.audience === CLIENT_AUDIENCE) {
    if (row.client_user_id !== claims.userId || row.client_id !== claims.clientId || !row.client_usable) throw rejected();
    return {
      kind: "client",
      userId: claims.userId,
      sessionId: claims.sessionId,
      role: row.client_role as "ADMIN" | "VIEW_ONLY",
      partnerId: row.client_partner!,
      clientId: row.client_id!,
    };
  }
  if (row.staff_id !== claims.userId || row.staff_disabled) throw rejected();
  return {
    kind: "staff",
    userId: claims.userId,
    sessionId: claims.sessionId,
    role: row.staff_role as "PLATFORM_ADMIN" | "OWNER" | "ADMIN" | "TECHNICIAN",
    partnerId: row.staff_partner,
  };
}
