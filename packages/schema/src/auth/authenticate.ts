import type { PrismaClient } from "@mspgraph/db";
import { apiError } from "../errors.js";
import { ANONYMOUS, type ImpersonationLink, type Principal } from "../principal.js";
import { CLIENT_AUDIENCE, verifyAccessToken } from "./access-tokens.js";
import { API_KEY_PREFIX, principalFromApiKey } from "./api-keys.js";
import type { AuthConfig } from "./auth-config.js";
import { partnerSuspended } from "./suspension.js";

type SessionRow = {
  active: boolean;
  expires_at: Date;
  staff_id: string | null;
  staff_email: string | null;
  staff_role: string | null;
  staff_partner: string | null;
  staff_disabled: boolean | null;
  client_user_id: string | null;
  client_email: string | null;
  client_role: string | null;
  client_partner: string | null;
  client_id: string | null;
  client_usable: boolean | null;
  parent_session_id: string | null;
  impersonated_partner_id: string | null;
  impersonated_client_id: string | null;
  impersonation_reason: string | null;
  chain: ImpersonationLink[] | null;
  parent_token_expires_at: Date | null;
  partner_suspended: boolean;
};

const rejected = () => apiError("UNAUTHENTICATED", "The access token is invalid or expired: refresh it or sign in again", { http: { status: 401 } });

/**
 * The principal an `Authorization: Bearer` header names; anonymous without one.
 * @remarks Checks the session on every request (one statement), so logout, a reused
 * refresh token or a stopped impersonation end access at once, not when the token expires.
 * An impersonation session is alive only while the session it was started from is. A suspended
 * partner's people, keys and impersonations of it are refused (PARTNER_SUSPENDED) until it is reactivated.
 */
export async function principalFromAuthorization(prisma: PrismaClient, config: AuthConfig, authorization: string | null): Promise<Principal> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw rejected();
  const token = match[1]!;
  if (token.startsWith(`${API_KEY_PREFIX}_`)) {
    const principal = await principalFromApiKey(prisma, token);
    if (!principal) throw rejected();
    return principal;
  }
  const claims = await verifyAccessToken(config, token);
  if (!claims) throw rejected();

  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."revokedAt" IS NULL AND s."expiresAt" > now()
             AND (p.id IS NULL OR (p."revokedAt" IS NULL AND p."expiresAt" > now())) AS active,
           s."expiresAt" AS expires_at,
           su.id AS staff_id, su.email AS staff_email, su.role::text AS staff_role, su."partnerId" AS staff_partner, su."disabledAt" IS NOT NULL AS staff_disabled,
           cu.id AS client_user_id, cu.email AS client_email, cu.role::text AS client_role, cu."partnerId" AS client_partner, cu."clientId" AS client_id,
           (cu."disabledAt" IS NULL AND c."archivedAt" IS NULL) AS client_usable,
           s."parentSessionId" AS parent_session_id, s."impersonatedPartnerId" AS impersonated_partner_id,
           s."impersonatedClientId" AS impersonated_client_id, s."impersonationReason" AS impersonation_reason, s.chain,
           s."parentTokenExpiresAt" AS parent_token_expires_at,
           pt."suspendedAt" IS NOT NULL AS partner_suspended
    FROM "AuthSession" s
    LEFT JOIN "AuthSession" p ON p.id = s."parentSessionId"
    LEFT JOIN "StaffUser" su ON su.id = s."staffUserId"
    LEFT JOIN "ClientUser" cu ON cu.id = s."clientUserId"
    LEFT JOIN "Client" c ON c.id = cu."clientId"
    LEFT JOIN "Partner" pt ON pt.id = COALESCE(s."impersonatedPartnerId", su."partnerId", cu."partnerId")
    WHERE s.id = ${claims.sessionId}::uuid`;
  if (!row?.active) throw rejected();
  // The partner acted as (or the user's own): a platform admin has none until impersonating.
  if (row.partner_suspended) throw partnerSuspended(true);

  if (row.impersonated_partner_id) {
    if (row.staff_id !== claims.userId || row.staff_disabled) throw rejected();
    const impersonation = {
      actorId: row.staff_id,
      parentSessionId: row.parent_session_id!,
      chain: row.chain ?? [],
      expiresAt: row.expires_at,
      reason: row.impersonation_reason ?? "",
      ...(row.parent_token_expires_at ? { parentTokenExpiresAt: row.parent_token_expires_at } : {}),
    };
    const tokenExpiresAt = claims.expiresAt;
    if (row.impersonated_client_id) {
      if (claims.audience !== CLIENT_AUDIENCE || claims.clientId !== row.impersonated_client_id) throw rejected();
      return { kind: "client", userId: row.staff_id, sessionId: claims.sessionId, role: "ADMIN", partnerId: row.impersonated_partner_id, clientId: row.impersonated_client_id, impersonation, actorEmail: row.staff_email!, tokenExpiresAt };
    }
    if (claims.audience === CLIENT_AUDIENCE) throw rejected();
    return { kind: "staff", userId: row.staff_id, sessionId: claims.sessionId, role: "ADMIN", partnerId: row.impersonated_partner_id, impersonation, actorEmail: row.staff_email!, tokenExpiresAt };
  }

  if (claims.audience === CLIENT_AUDIENCE) {
    if (row.client_user_id !== claims.userId || row.client_id !== claims.clientId || !row.client_usable) throw rejected();
    return {
      kind: "client",
      userId: claims.userId,
      sessionId: claims.sessionId,
      role: row.client_role as "ADMIN" | "VIEW_ONLY",
      partnerId: row.client_partner!,
      clientId: row.client_id!,
      actorEmail: row.client_email!,
      tokenExpiresAt: claims.expiresAt,
    };
  }
  if (row.staff_id !== claims.userId || row.staff_disabled) throw rejected();
  return {
    kind: "staff",
    userId: claims.userId,
    sessionId: claims.sessionId,
    role: row.staff_role as "PLATFORM_ADMIN" | "OWNER" | "ADMIN" | "TECHNICIAN",
    partnerId: row.staff_partner,
    actorEmail: row.staff_email!,
    tokenExpiresAt: claims.expiresAt,
  };
}
