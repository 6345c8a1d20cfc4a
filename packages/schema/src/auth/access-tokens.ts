import { SignJWT, jwtVerify } from "jose";
import type { AuthConfig } from "./auth-config.js";

const ISSUER = "mspgraph";
/** Staff and client tokens have different audiences, so one can never pass for the other. */
export const STAFF_AUDIENCE = "mspgraph:staff";
export const CLIENT_AUDIENCE = "mspgraph:client";

export type AccessTokenClaims = {
  audience: typeof STAFF_AUDIENCE | typeof CLIENT_AUDIENCE;
  userId: string;
  sessionId: string;
  /** Set on client tokens: the client the user belongs to. */
  clientId?: string;
  /** Impersonation: the real actors, outermost first, written as RFC 8693's nested `act` claim. */
  actorChain?: string[];
};

/** Verified claims, with when the token expires. */
export type VerifiedClaims = AccessTokenClaims & { expiresAt: Date };

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

type ActClaim = { sub: string; act?: ActClaim };

// RFC 8693: the current actor is the outermost `act`; earlier actors nest inside it.
function actClaim(actors: string[]): ActClaim | undefined {
  return actors.reduce<ActClaim | undefined>((inner, sub) => (inner ? { sub, act: inner } : { sub }), undefined);
}

export async function signAccessToken(config: AuthConfig, claims: AccessTokenClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + config.accessTokenTtlSeconds) * 1000);
  const act = claims.actorChain?.length ? actClaim(claims.actorChain) : undefined;
  const token = await new SignJWT({ sid: claims.sessionId, ...(claims.clientId ? { cid: claims.clientId } : {}), ...(act ? { act } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(claims.audience)
    .setSubject(claims.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(seconds(expiresAt))
    .sign(config.jwtSecret);
  return { token, expiresAt };
}

/** The token's claims, or null when it is malformed, forged, expired or for another audience. */
export async function verifyAccessToken(config: AuthConfig, token: string, now = new Date()): Promise<VerifiedClaims | null> {
  try {
    const { payload } = await jwtVerify(token, config.jwtSecret, {
      issuer: ISSUER,
      audience: [STAFF_AUDIENCE, CLIENT_AUDIENCE],
      algorithms: ["HS256"],
      currentDate: now,
    });
    const audience = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || typeof payload.exp !== "number") return null;
    const common = {
      userId: payload.sub,
      sessionId: payload.sid,
      expiresAt: new Date(payload.exp * 1000),
    };
    if (audience === CLIENT_AUDIENCE) {
      if (typeof payload.cid !== "string") return null;
      return { audience, ...common, clientId: payload.cid };
    }
    if (audience !== STAFF_AUDIENCE) return null;
    return { audience, ...common };
  } catch {
    return null;
  }
}
