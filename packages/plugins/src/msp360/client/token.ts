import type { TMsp360LoginResponse } from "./schemas.js";

/** A bearer token from `POST /api/Provider/Login` and when MSP360 stops accepting it. */
export type TMsp360Token = { accessToken: string; expiresAt: Date };

/**
 * Where a client keeps its token between calls and restarts.
 * @remarks The plugin stores it encrypted; the default keeps it in memory only.
 */
export type TMsp360TokenCache = {
  get(): Promise<TMsp360Token | null>;
  set(token: TMsp360Token): Promise<void>;
};

// MSP360 documents tokens as lasting about two weeks when the answer does not say.
export const DEFAULT_TOKEN_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
// Renew this long before expiry so a poll never starts with a token about to lapse.
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export function memoryTokenCache(): TMsp360TokenCache {
  let token: TMsp360Token | null = null;
  return {
    get: async () => token,
    set: async (next) => {
      token = next;
    },
  };
}

/** The token's expiry from `expires_in`, else `.expires`, else the documented two weeks. */
export function tokenFromLogin(response: TMsp360LoginResponse, now: Date): TMsp360Token {
  const accessToken = response.access_token;
  if (response.expires_in !== null && response.expires_in > 0) {
    return { accessToken, expiresAt: new Date(now.getTime() + response.expires_in * 1000) };
  }
  const stated = response[".expires"] ? new Date(response[".expires"]) : null;
  if (stated && !Number.isNaN(stated.getTime())) return { accessToken, expiresAt: stated };
  return { accessToken, expiresAt: new Date(now.getTime() + DEFAULT_TOKEN_LIFETIME_MS) };
}

export const isFresh = (token: TMsp360Token, now: Date) => token.expiresAt.getTime() - REFRESH_MARGIN_MS > now.getTime();
