import { type IntegrationConnection, Prisma, type PrismaClient } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { decryptJson, encryptJson } from "../crypto/credential-cipher.js";
import { EventBus } from "../events.js";
import { type OutboundFetch, guardedFetch } from "../outbound/guarded-fetch.js";
import type { OutboundPolicy } from "../outbound/policy.js";
import type { Logger } from "../server/logger.js";
import { scopedPrisma } from "../tenant-scope.js";
import { tenancyOf } from "../tenancy/tenancy.js";
import type { IntegrationPlugin } from "./plugin-contract.js";
import { decryptCredentials } from "./connections.js";
import { updateConnectionStatus } from "./connection-status.js";

/** Failed calls in a row after which a DEGRADED connection is reported FAILING. */
export const FAILING_AFTER = 3;

/**
 * What a plugin gets in every call the core makes to it (events, jobs, capabilities).
 * @remarks Everything is bound to one partner's connection: `prisma` sees that partner's rows
 * only, and the credentials are decrypted when asked for, for this call only.
 */
export type PluginContext = {
  connection: { id: string; partnerId: string; pluginId: string; config: Record<string, unknown> };
  /** The connection's credentials, decrypted for this call only; never log or return them. */
  credentials(): Record<string, unknown> | null;
  /**
   * The only way to call the service: the core's guarded fetch (public https addresses, or what
   * MSPGRAPH_OUTBOUND_ALLOW names; no redirects). Never use the global fetch.
   */
  fetch: OutboundFetch;
  /** A Prisma client scoped to the connection's partner. */
  prisma: PrismaClient;
  /** Live updates for subscribers (an alert the core raised while running a capability). */
  events: Pick<EventBus, "publish">;
  /** Log lines carry the plugin and connection ids; never log credentials. */
  logger: Pick<Logger, "info" | "warn" | "error" | "debug">;
  /** A call to the service worked: the connection is OK again. */
  reportSuccess(): Promise<void>;
  /**
   * A call to the service failed: the connection becomes DEGRADED, and FAILING after
   * `FAILING_AFTER` failures in a row, or at once with `failing: true` (rejected credentials).
   * With `partial: true` (one kind of call refused, e.g. a permission the token lacks, while the
   * rest works) it becomes DEGRADED with the message, never FAILING, and the count is left alone.
   * @param message shown to staff as `lastError`: plain words, no secrets
   */
  reportFailure(message: string, options?: { failing?: boolean; partial?: boolean }): Promise<void>;
  /** A running sync's progress (shown on the integration), or null when it ends. */
  reportProgress(progress: { done: number; total: number } | null): Promise<void>;
  /** A sync finished: sets `lastSyncAt`. */
  markSynced(at?: Date): Promise<void>;
  /** The plugin's own state for this connection (a cached token, a cursor), stored encrypted. */
  loadState<State extends Record<string, unknown>>(): Promise<State | null>;
  saveState(state: Record<string, unknown> | null): Promise<void>;
};

// Binds the state's ciphertext to its connection, like the credentials.
export const stateData = (connection: Pick<IntegrationConnection, "id" | "pluginId">) => `plugin-state:${connection.id}:${connection.pluginId}`;

/**
 * Builds the context for calls on one connection. `root` is the unscoped client; `plugins`
 * (the composed ones) declare their models' tenancy: without them, plugins' models are refused.
 */
export function createPluginContext(options: {
  root: PrismaClient;
  keyRing: KeyRing;
  logger: Logger;
  connection: IntegrationConnection;
  events?: EventBus;
  plugins?: readonly IntegrationPlugin[];
  /** Strict when omitted. */
  outbound?: OutboundPolicy;
}): PluginContext {
  const { root, keyRing, connection } = options;
  const where = { id: connection.id };
  const update = (data: Prisma.IntegrationConnectionUpdateInput) => root.integrationConnection.update({ where, data }).then(() => undefined);
  return {
    connection: { id: connection.id, partnerId: connection.partnerId, pluginId: connection.pluginId, config: connection.config as Record<string, unknown> },
    credentials: () => decryptCredentials({ keyRing }, connection),
    fetch: guardedFetch(options.outbound),
    prisma: scopedPrisma(root, { kind: "partner", partnerId: connection.partnerId }, tenancyOf(options.plugins ?? [])),
    // Without the API's bus (a worker of its own) nobody is listening in this process.
    events: options.events ?? new EventBus(),
    logger: options.logger.child({ pluginId: connection.pluginId, connectionId: connection.id }),
    reportSuccess: async () => {
      // One read, and no write at all, when the connection was already OK.
      const troubled = await root.integrationConnection.findFirst({ where: { id: connection.id, OR: [{ consecutiveFailures: { gt: 0 } }, { status: { in: ["DEGRADED", "FAILING"] } }] }, select: { id: true } });
      if (!troubled) return;
      await updateConnectionStatus(root, connection, (current) =>
        current.status === "DISCONNECTED" ? null : { status: "OK", consecutiveFailures: 0, lastError: null },
      );
    },
    reportFailure: async (message, failureOptions = {}) => {
      await updateConnectionStatus(root, connection, (current) => {
        if (current.status === "DISCONNECTED") return null;
        if (failureOptions.partial) return { status: current.status === "FAILING" ? "FAILING" : "DEGRADED", lastError: message.slice(0, 1000) };
        const failures = current.consecutiveFailures + 1;
        const status = failureOptions.failing || failures >= FAILING_AFTER ? "FAILING" : "DEGRADED";
        return { status, consecutiveFailures: failures, lastError: message.slice(0, 1000) };
      });
    },
    reportProgress: (progress) => update({ syncProgress: progress ?? Prisma.DbNull }),
    markSynced: (at = new Date()) => update({ lastSyncAt: at, syncProgress: Prisma.DbNull }),
    loadState: async <State extends Record<string, unknown>>() => {
      const row = await root.integrationConnection.findUnique({ where, select: { stateCiphertext: true } });
      return row?.stateCiphertext ? decryptJson<State>(keyRing, row.stateCiphertext, stateData(connection)) : null;
    },
    saveState: (state) => update({ stateCiphertext: state ? encryptJson(keyRing, state, stateData(connection)) : null }),
  };
}
