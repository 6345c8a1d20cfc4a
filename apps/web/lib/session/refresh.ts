import { readFragment } from "../graphql";
import type { TSession } from "./cookies";
import { RefreshMutation, SessionFields } from "./operations";
import { callApi } from "./upstream";

/** Refresh this long before the access token expires, so no request carries a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

type TRotation = { accessToken: string; refreshToken: string; accessExpiresAt: number } | null;

// One rotation per refresh token, shared by concurrent requests (several tabs, a page's
// parallel queries): presenting a refresh token twice would end the whole session. Results
// stay a while so a request that still carries the old cookie gets the same new pair.
const KEEP_MS = 60_000;
const store = globalThis as typeof globalThis & { mspgraphRotations?: Map<string, Promise<TRotation>> };
const rotations = (store.mspgraphRotations ??= new Map());

async function rotateOnce(refreshToken: string, request: Request): Promise<TRotation> {
  const result = await callApi({ document: RefreshMutation, variables: { input: { refreshToken } }, request });
  const payload = result.data?.refreshSession ? readFragment(SessionFields, result.data.refreshSession) : null;
  if (!payload?.accessToken || !payload.refreshToken || !payload.expiresAt) return null;
  return { accessToken: payload.accessToken, refreshToken: payload.refreshToken, accessExpiresAt: Date.parse(payload.expiresAt) };
}

/** Swaps the refresh token for a new pair; null when the API has ended the session. */
export function rotate(refreshToken: string, request: Request): Promise<TRotation> {
  const pending = rotations.get(refreshToken);
  if (pending) return pending;
  const next = rotateOnce(refreshToken, request);
  rotations.set(refreshToken, next);
  const forget = () => setTimeout(() => rotations.delete(refreshToken), KEEP_MS).unref?.();
  next.then(forget, () => rotations.delete(refreshToken));
  return next;
}

export type TFreshness = { session: TSession | null; changed: boolean; ended: boolean };

/**
 * The session a request should act under: the same one while its access token is good,
 * a rotated one shortly before it expires, the actor's own one when an impersonation has
 * run out, or none (ended) when the sign-in itself is over or the API refused to renew it.
 */
export async function freshSession(session: TSession | null, request: Request, now = Date.now()): Promise<TFreshness> {
  if (!session) return { session: null, changed: false, ended: false };
  if (session.meta.sessionEndsAt <= now) return { session: null, changed: true, ended: true };
  const impersonationOver = session.meta.impersonation.some((step) => step.expiresAt <= now);
  if (!impersonationOver && (session.meta.impersonation.length > 0 || session.meta.accessExpiresAt - REFRESH_MARGIN_MS > now)) {
    return { session, changed: false, ended: false };
  }
  const rotated = await rotate(session.refreshToken, request);
  if (!rotated) return { session: null, changed: true, ended: true };
  const meta = { ...session.meta, accessExpiresAt: rotated.accessExpiresAt, impersonation: impersonationOver ? [] : session.meta.impersonation };
  return { session: { accessToken: rotated.accessToken, refreshToken: rotated.refreshToken, meta }, changed: true, ended: false };
}
