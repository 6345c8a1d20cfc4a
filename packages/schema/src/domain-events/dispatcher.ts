import type { Database } from "@mspgraph/db";
import type { Logger } from "../server/logger.js";
import { type EventOutlet, dispatchDueEvents } from "./dispatch.js";
import { DOMAIN_EVENTS_CHANNEL } from "./record.js";

export type EventDispatcherOptions = {
  database: Database;
  outlets: readonly EventOutlet[];
  logger: Logger;
  /** How often it looks for due events without being woken (default 2 s). */
  intervalMs?: number;
  /** At most this many events per run (default 50). */
  batch?: number;
};

/**
 * Hands committed domain events to the outlets until stopped. It polls, and on PostgreSQL a
 * NOTIFY on DOMAIN_EVENTS_CHANNEL (sent as an event's transaction commits) wakes it at once.
 * Several API instances run one each: the dispatch lease gives every event to one of them.
 */
export function startEventDispatcher(options: EventDispatcherOptions): { stop(): Promise<void> } {
  const batch = options.batch ?? 50;
  let stopped = false;
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const tick = async (): Promise<void> => {
    if (stopped) return;
    // A wake-up during a run asks for one more run, never a second one beside it.
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = dispatchDueEvents({ prisma: options.database.prisma, outlets: options.outlets, batch }).catch((error: unknown) => {
      options.logger.error({ error: (error as Error).message }, "event dispatcher failed");
      return 0;
    });
    const claimed = await running;
    running = undefined;
    if (stopped) return;
    const soon = claimed === batch || again;
    again = false;
    timer = setTimeout(() => void tick(), soon ? 0 : (options.intervalMs ?? 2_000));
    timer.unref();
  };

  const listener = options.database.listen(DOMAIN_EVENTS_CHANNEL, () => void tick());
  timer = setTimeout(() => void tick(), 0);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await listener?.close();
      await running;
    },
  };
}
