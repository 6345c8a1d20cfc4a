import type { GraphQLContext } from "../context.js";
import type { TUserError } from "../objects/user-error.js";
import { type OutboundFetch, guardedFetch } from "../outbound/guarded-fetch.js";
import { OutboundRefusedError, urlRefusal } from "../outbound/refusals.js";
import { parseWith } from "./connections.js";
import type { IntegrationPlugin, PluginEndpoint } from "./plugin-contract.js";

type TSettings = { credentials: Record<string, unknown>; config: Record<string, unknown> };
export type TCheckedSettings = { ok: true; credentials: Record<string, unknown>; config: Record<string, unknown> } | { ok: false; errors: TUserError[] };

const issuesAsErrors = (prefix: string, issues: Array<{ path: PropertyKey[]; message: string }>): TUserError[] =>
  issues.map((issue) => ({ field: [prefix, ...issue.path.map(String)].join("."), message: issue.message, code: "BAD_USER_INPUT" }));

export function configErrors(plugin: IntegrationPlugin, config: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; errors: TUserError[] } {
  const parsed = parseWith(plugin.configSchema, config);
  return parsed.ok ? parsed : { ok: false, errors: issuesAsErrors("config", parsed.issues) };
}

function endpointOf(plugin: IntegrationPlugin, settings: TSettings): PluginEndpoint | null {
  try {
    return plugin.endpoint?.(settings) ?? null;
  } catch {
    return null;
  }
}

/**
 * Validates settings with the plugin's schemas, refuses an endpoint the outbound guard will
 * never reach, and checks the credentials live through the guarded fetch; user errors when any fails.
 */
export async function checkSettings(context: Pick<GraphQLContext, "outbound">, plugin: IntegrationPlugin, credentials: unknown, config: unknown): Promise<TCheckedSettings> {
  const creds = parseWith(plugin.credentialsSchema, credentials);
  const conf = configErrors(plugin, config);
  const errors = [...(creds.ok ? [] : issuesAsErrors("credentials", creds.issues)), ...(conf.ok ? [] : conf.errors)];
  if (!creds.ok || !conf.ok) return { ok: false, errors };
  const settings = { credentials: creds.value, config: conf.value };
  const endpoint = endpointOf(plugin, settings);
  const refused = endpoint ? urlRefusal(context.outbound, new URL(endpoint.url)) : null;
  if (endpoint && refused) return { ok: false, errors: [{ field: endpoint.field, message: `${plugin.name} may not be called there: ${refused.message}`, code: "OUTBOUND_NOT_ALLOWED" }] };
  if (!plugin.verifyCredentials) return { ok: true, ...settings };
  // The plugin words its own message; the core still knows whether the guard stopped it.
  const refusals: OutboundRefusedError[] = [];
  const guarded = guardedFetch(context.outbound);
  const fetch: OutboundFetch = (url, init) =>
    guarded(url, init).catch((error: unknown) => {
      if (error instanceof OutboundRefusedError) refusals.push(error);
      throw error;
    });
  const check = await plugin.verifyCredentials({ ...settings, fetch });
  if (check.ok) return { ok: true, ...settings };
  if (refusals.length > 0) return { ok: false, errors: [{ field: endpoint?.field ?? "config", message: check.message, code: "OUTBOUND_NOT_ALLOWED" }] };
  return { ok: false, errors: [{ field: check.field ?? "credentials", message: check.message, code: "BAD_USER_INPUT" }] };
}

// Without a declared endpoint, every setting that is a URL may decide where credentials go.
function urlSettings(config: Record<string, unknown>): string {
  const urls = Object.entries(config).filter(([, value]) => typeof value === "string" && /^[a-z][a-z0-9+.-]*:\/\//i.test(value));
  return JSON.stringify(urls.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The user error for a settings change that would send the stored credentials somewhere
 * else than where they were verified, or null when they would still go to the same place.
 */
export function endpointMoveError(plugin: IntegrationPlugin, stored: TSettings, nextConfig: Record<string, unknown>): TUserError | null {
  const before = endpointOf(plugin, stored);
  const after = endpointOf(plugin, { credentials: stored.credentials, config: nextConfig });
  const moved = plugin.endpoint ? before?.url !== after?.url : urlSettings(stored.config) !== urlSettings(nextConfig);
  if (!moved) return null;
  return {
    field: after?.field ?? before?.field ?? "config",
    message: `This changes where ${plugin.name} is reached, and the stored credentials are never sent to a new address: enter the credentials again with it`,
    code: "BAD_USER_INPUT",
  };
}
