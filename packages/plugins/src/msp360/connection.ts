import type { PluginContext } from "@mspgraph/schema";
import { z } from "zod";
import { Msp360Client, type TMsp360ClientOptions } from "./client/client.js";
import { isKnownTimeZone } from "./client/wire-values.js";
import type { TMsp360Token, TMsp360TokenCache } from "./client/token.js";

export const MSP360_DEFAULT_BASE_URL = "https://api.mspbackups.com";

/** The MSPBackups API login (MSP360 console: Settings > API), not a console user's. */
export const ZMsp360Credentials = z.object({
  login: z.string().trim().min(1, "must not be empty"),
  password: z.string().min(1, "must not be empty"),
});
export const ZMsp360Config = z.object({
  /** Overrides the MSPBackups API address (a proxy, or a test server). */
  baseUrl: z.string().url().default(MSP360_DEFAULT_BASE_URL),
  /** Minutes between polls of the monitoring API. */
  pollMinutes: z.number().int().min(1).max(1440).default(15),
  /** How late a scheduled run may be before the plan counts as missed. */
  missedGraceMinutes: z.number().int().min(0).max(10_080).default(120),
  /**
   * The IANA zone MSP360's dates are in: they carry no offset, and the API does not say
   * which zone it means (a provider's account may answer in its local time).
   */
  timeZone: z.string().trim().default("UTC").refine(isKnownTimeZone, "must be an IANA time zone name such as UTC or Europe/Berlin"),
});
export type TMsp360Credentials = z.infer<typeof ZMsp360Credentials>;
export type TMsp360Config = z.infer<typeof ZMsp360Config>;

/** Client settings a plugin instance applies to every connection (tests shorten the backoff). */
export type TMsp360Tuning = Partial<Pick<TMsp360ClientOptions, "timeoutMs" | "maxRetries" | "backoffBaseMs" | "sleep">>;

type TStoredToken = { accessToken: string; expiresAt: string };

/** The bearer token kept in the connection's encrypted plugin state, with its expiry. */
export function stateTokenCache(context: PluginContext): TMsp360TokenCache {
  return {
    get: async () => {
      const token = (await context.loadState<{ token?: TStoredToken }>())?.token;
      return token ? { accessToken: token.accessToken, expiresAt: new Date(token.expiresAt) } : null;
    },
    set: async (token: TMsp360Token) => {
      const state = (await context.loadState()) ?? {};
      await context.saveState({ ...state, token: { accessToken: token.accessToken, expiresAt: token.expiresAt.toISOString() } });
    },
  };
}

/** The connection's settings, with defaults for anything stored before a setting existed. */
export const configOf = (context: PluginContext): TMsp360Config => ZMsp360Config.parse(context.connection.config ?? {});

/** A client for one call on a connection: its credentials, its address and its cached token. */
export function msp360ClientFor(context: PluginContext, tuning: TMsp360Tuning): Msp360Client {
  const credentials = ZMsp360Credentials.parse(context.credentials() ?? {});
  const config = configOf(context);
  return new Msp360Client({ ...tuning, baseUrl: config.baseUrl, timeZone: config.timeZone, userName: credentials.login, password: credentials.password, fetch: context.fetch, tokenCache: stateTokenCache(context) });
}
