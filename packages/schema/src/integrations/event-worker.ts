import type { Database } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { scopedPrisma } from "../tenant-scope.js";
import { claimEvents, finishEvent } from "./event-queue.js";
import type { IntegrationPlugin } from "./plugin-contract.js";
import { decryptCredentials } from "./connections.js";
import type { Logger } from "../server/logger.js";

export type WorkerOptions = { database: Database; plugins: readonly IntegrationPlugin[]; keyRing: KeyRing; logger: Logger; batch?: number };

/**
 * Processes the due integration events once: claims a batch, hands each to its plugin, and
 * records DONE, a retry later, or DEAD. Returns how many it processed.
 */
export async function processDueEvents(options: WorkerOptions): Promise<number> {
  const { database, logger } = options;
  const events = await claimEvents(database.prisma, options.batch ?? 20);
  for (const event of events) {
    const plugin = options.plugins.find((p) => p.id === event.pluginId);
    const connection = await database.prisma.integrationConnection.findUnique({ where: { id: event.connectionId } });
    let failure: unknown;
    try {
      if (!plugin?.handleEvent) throw new Error(`plugin "${event.pluginId}" is not installed or handles no events`);
      if (!connection) throw new Error("the connection was removed");
      await plugin.handleEvent(
        { id: event.id, kind: event.kind, providerEventId: event.providerEventId, payload: event.payload, attempt: event.attempts },
        {
          connection: { id: connection.id, partnerId: connection.partnerId, pluginId: connection.pluginId, config: connection.config as Record<string, unknown> },
          credentials: () => decryptCredentials({ keyRing: options.keyRing }, connection),
          prisma: scopedPrisma(database.prisma, { kind: "partner", partnerId: connection.partnerId }),
        },
      );
    } catch (error) {
      failure = error;
    }
    const outcome = await finishEvent(database.prisma, event, failure);
    const log = { eventId: event.id, pluginId: event.pluginId, kind: event.kind, attempt: event.attempts, outcome };
    if (failure) logger.warn({ ...log, error: (failure as Error).message }, "integration event failed");
    else logger.info(log, "integration event processed");
  }
  return events.length;
}

/** Polls for due events until stopped; several API instances can run it side by side. */
export function startEventWorker(options: WorkerOptions & { intervalMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = processDueEvents(options).catch((error: unknown) => options.logger.error({ err: error }, "integration event worker failed"));
    const processed = await running;
    // A full batch means more may be waiting: go again at once.
    setTimeout(tick, processed === (options.batch ?? 20) ? 0 : (options.intervalMs ?? 2_000)).unref();
  };
  setTimeout(tick, 0).unref();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
