import { GraphQLError } from "graphql";
import type { GraphQLContext } from "../context.js";
import { apiError } from "../errors.js";

/** How often a live stream re-checks its caller's session when nothing tells it sooner. */
export const DEFAULT_SESSION_CHECK_INTERVAL_MS = 5_000;

/** What a long-lived response (a subscription) needs to know whether its caller may still listen. */
export type LiveSession = {
  /** Authenticates the request's credentials again: false once the session, token or key has ended. */
  isAlive(): Promise<boolean>;
  checkIntervalMs: number;
};

/** Builds a request's LiveSession from the way it authenticated. */
export function liveSession(authenticate: () => Promise<unknown>, checkIntervalMs = DEFAULT_SESSION_CHECK_INTERVAL_MS): LiveSession {
  return {
    checkIntervalMs,
    isAlive: async () => {
      try {
        await authenticate();
        return true;
      } catch (error) {
        // Only a refusal ends the stream; a database hiccup is tried again at the next check.
        if (error instanceof GraphQLError && error.extensions.code === "UNAUTHENTICATED") return false;
        return true;
      }
    },
  };
}

// setTimeout fires at once beyond about 24.8 days; no access token lives that long.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Passes `source`'s events on while the caller's session lives, then ends the stream with
 * UNAUTHENTICATED. Ends at the access token's expiry, when the session is ended in this API
 * instance (logout, a stopped impersonation), and otherwise at the next periodic re-check
 * (revoked elsewhere, a disabled user or a revoked API key).
 * @param source the events, stopping when the given signal aborts
 */
export async function* whileSessionLives<T>(context: GraphQLContext, source: (signal: AbortSignal) => AsyncIterable<T>): AsyncGenerator<T> {
  const { principal, liveSession: session } = context;
  const controller = new AbortController();
  let ended = false;
  const end = () => {
    ended = true;
    controller.abort();
  };
  const recheck = () => void session.isAlive().then((alive) => alive || end());
  const interval = setInterval(recheck, session.checkIntervalMs);
  const expiresAt = principal.kind === "staff" || principal.kind === "client" ? principal.tokenExpiresAt : undefined;
  const expiry = expiresAt ? setTimeout(end, Math.min(MAX_TIMER_MS, Math.max(0, expiresAt.getTime() - Date.now()))) : undefined;
  const sessionId = principal.kind === "staff" || principal.kind === "client" ? principal.sessionId : null;
  const ending = (async () => {
    for await (const { sessionIds } of context.events.subscribe("sessionsEnded", controller.signal)) {
      if (sessionId && sessionIds.includes(sessionId)) recheck();
    }
  })();
  try {
    for await (const event of source(controller.signal)) yield event;
  } finally {
    clearInterval(interval);
    clearTimeout(expiry);
    controller.abort();
    await ending;
  }
  if (ended) throw apiError("UNAUTHENTICATED", "Your session has ended: sign in again and subscribe again");
}
