import type { ClientUserRole, StaffRole } from "@mspgraph/db";

/** One step of an impersonation: who (acting as what) took on which tenant. */
export type ImpersonationLink = {
  actorId: string;
  actorName: string;
  subjectType: "PARTNER" | "CLIENT";
  subjectId: string;
  subjectName: string;
  startedAt: string;
};

/** Present while a staff user acts as a partner's or client's ADMIN. */
export type Impersonation = {
  /** The real person behind every action. */
  actorId: string;
  /** The session the impersonation was started from; stopImpersonation returns to it. */
  parentSessionId: string;
  chain: ImpersonationLink[];
  expiresAt: Date;
  reason: string;
  /** When the access token that started it expires: the most stopImpersonation may hand back. */
  parentTokenExpiresAt?: Date;
};

/**
 * Who is calling: nobody, a staff user, a client user, or a partner's API key.
 * `actorEmail` is the real person's email (the impersonator's while impersonating), for the audit trail;
 * `tokenExpiresAt` is when the access token it came from expires (long-lived streams end then).
 */
export type Principal =
  | { kind: "anonymous" }
  | { kind: "staff"; userId: string; sessionId: string; role: StaffRole; partnerId: string | null; impersonation?: Impersonation; actorEmail?: string; tokenExpiresAt?: Date }
  | { kind: "client"; userId: string; sessionId: string; role: ClientUserRole; partnerId: string; clientId: string; impersonation?: Impersonation; actorEmail?: string; tokenExpiresAt?: Date }
  | { kind: "apiKey"; keyId: string; partnerId: string; scopes: string[]; label: string };

export const ANONYMOUS: Principal = { kind: "anonymous" };

/** The id the audit trail and `viewer` use for the caller. */
export function actorIdOf(principal: Principal): string | null {
  if (principal.kind === "anonymous") return null;
  if (principal.kind === "apiKey") return principal.keyId;
  return principal.impersonation?.actorId ?? principal.userId;
}
