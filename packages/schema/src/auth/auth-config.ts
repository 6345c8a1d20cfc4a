/** Signing key and lifetimes for sessions; apps/api reads them from its environment. */
export type AuthConfig = {
  /** HMAC key for access tokens (at least 32 bytes). */
  jwtSecret: Uint8Array;
  accessTokenTtlSeconds: number;
  /** How long a session may be kept alive by refreshing, from sign-in. */
  sessionTtlSeconds: number;
};

export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const DEFAULT_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export function authConfig(jwtSecret: Uint8Array, overrides: Partial<Omit<AuthConfig, "jwtSecret">> = {}): AuthConfig {
  if (jwtSecret.byteLength < 32) throw new Error("The JWT secret must be at least 32 bytes");
  return {
    jwtSecret,
    accessTokenTtlSeconds: overrides.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    sessionTtlSeconds: overrides.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS,
  };
}
