import type { Database } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import type { EventBus } from "../events.js";
import type { Logger } from "../server/logger.js";
import { claimEvents, finishEvent } from "./event-queue.js";
import { jobKind, scheduleDueJobs } from "./job-scheduler.js";
import type { IntegrationPlugin, PluginEvent } from "./plugin-contract.js";
import { type PluginContext, createPluginContext } from "./plugin-context.js";

export type WorkerOptions = {
  database: Database;
  plugins: readonly IntegrationPlugin[];
  keyRing: KeyRing;
  logger: Logger;
  batch?: number;
  /** The API's bus, so alerts raised by background work reach its subscribers. */
  events?: EventBus;
};

// A scheduled job's run goes to the job; every other event to the plugin's handleEvent.
function dispatch(plugin: IntegrationPlugin | undefined, event: PluginEvent, context: PluginContext): Promise<void> {
  const job = plugin?.jobs?.find((candidate) => jobKind(candidate.name) === event.kind);
  if (job) return job.run(context);
  if (!plugin?.handleEvent) throw new Error(`no installed plugin handles "${event.kind}" events`);
  return plugin.handleEvent(event, context);
}

/**
 * Processes the due integration events once: schedules due jobs, claims a batch, hands each
 * to its plugin, and records DONE, a retry later, or DEAD. Returns how many it processed.
 */
export async function processDueEvents(options: WorkerOptions): Promise<number> {
  const { database, logger } = options;
  await scheduleDueJobs(database.prisma, options.plugins);
  const events = await claimEvents(database.prisma, options.batch ?? 20);
  for (const event of events) {
    const plugin = options.plugins.find((p) => p.id === event.pluginId);
    const connection = await database.prisma.integrationConnection.findUnique({ where: { id: event.connectionId } });
    let failure: unknown;
    try {
      if (!connection) throw new Error("the connection was removed");
      await dispatch(
        plugin,
        { id: event.id, kind: event.kind, providerEventId: event.providerEventId, payload: event.payload, attempt: event.attempts },
        createPluginContext({ root: database.prisma, keyRing: options.keyRing, logger, connection, plugins: options.plugins, ...(options.events ? { events: options.events } : {}) }),
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
