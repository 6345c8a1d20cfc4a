import type { Database, IntegrationEvent } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import type { EventBus } from "../events.js";
import type { OutboundPolicy } from "../outbound/policy.js";
import type { Logger } from "../server/logger.js";
import { DEFAULT_LEASE_MS, claimEvents, finishEvent, renewLease } from "./event-queue.js";
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
  /** What plugins may reach besides public https addresses (MSPGRAPH_OUTBOUND_ALLOW); strict when omitted. */
  outbound?: OutboundPolicy;
  /** How long a claim lasts without renewal (default 30 s); it is renewed every third of it while a handler runs. */
  leaseMs?: number;
};

// A scheduled job's run goes to the job; every other event to the plugin's handleEvent.
function dispatch(plugin: IntegrationPlugin | undefined, event: PluginEvent, context: PluginContext): Promise<void> {
  const job = plugin?.jobs?.find((candidate) => jobKind(candidate.name) === event.kind);
  if (job) return job.run(context);
  if (!plugin?.handleEvent) throw new Error(`no installed plugin handles "${event.kind}" events`);
  return plugin.handleEvent(event, context);
}

/**
 * Renews the claim on every event of a batch that is not finished yet, every third of the
 * lease, so a long handler (or a long queue ahead of an event) is never taken by another
 * worker, while a crashed worker's claims run out within one lease.
 */
function keepLeased(options: WorkerOptions, events: IntegrationEvent[], leaseMs: number): { release(event: IntegrationEvent): void; stop(): void } {
  const held = new Map(events.map((event) => [event.id, event]));
  const timer = setInterval(() => {
    for (const event of held.values()) {
      renewLease(options.database.prisma, event, leaseMs)
        .then((renewed) => {
          if (!renewed && held.has(event.id)) options.logger.warn({ eventId: event.id }, "an integration event's lease was lost to another worker");
        })
        .catch((error: unknown) => options.logger.warn({ err: error, eventId: event.id }, "could not renew an integration event's lease"));
    }
  }, Math.max(10, leaseMs / 3));
  timer.unref();
  return { release: (event) => held.delete(event.id), stop: () => clearInterval(timer) };
}

/**
 * Processes the due integration events once: schedules due jobs, claims a batch, hands each
 * to its plugin, and records DONE, a retry later, or DEAD. Returns how many it processed.
 */
export async function processDueEvents(options: WorkerOptions): Promise<number> {
  const { database } = options;
  await scheduleDueJobs(database.prisma, options.plugins);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const events = await claimEvents(database.prisma, options.batch ?? 20, leaseMs);
  const lease = keepLeased(options, events, leaseMs);
  try {
    for (const event of events) await processEvent(options, event, lease);
  } finally {
    lease.stop();
  }
  return events.length;
}

async function processEvent(options: WorkerOptions, event: IntegrationEvent, lease: { release(event: IntegrationEvent): void }): Promise<void> {
  const { database, logger } = options;
  const plugin = options.plugins.find((p) => p.id === event.pluginId);
  const connection = await database.prisma.integrationConnection.findUnique({ where: { id: event.connectionId } });
  let failure: unknown;
  try {
    if (!connection) throw new Error("the connection was removed");
    await dispatch(
      plugin,
      { id: event.id, kind: event.kind, providerEventId: event.providerEventId, payload: event.payload, attempt: event.attempts },
      createPluginContext({ root: database.prisma, keyRing: options.keyRing, logger, connection, outbound: options.outbound, plugins: options.plugins, ...(options.events ? { events: options.events } : {}) }),
    );
  } catch (error) {
    failure = error;
  }
  lease.release(event);
  const outcome = await finishEvent(database.prisma, event, failure);
  const log = { eventId: event.id, pluginId: event.pluginId, kind: event.kind, attempt: event.attempts, outcome };
  if (failure) logger.warn({ ...log, error: (failure as Error).message }, "integration event failed");
  else logger.info(log, "integration event processed");
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
