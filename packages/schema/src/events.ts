import { EventEmitter, on } from "node:events";
import type { Database, Listener } from "@mspgraph/db";

export type AlertChange = { change: "RAISED" | "UPDATED"; alertId: string; partnerId: string; clientId: string };

/** A ticket created or changed; `staffOnly` when all that changed is staff-only (a hidden comment). */
export type TicketChange = { change: "CREATED" | "UPDATED" | "COMMENTED"; ticketId: string; partnerId: string; clientId: string; staffOnly: boolean };

/** Sessions that were just ended (logout, a stopped impersonation): their live streams end now. */
export type SessionsEnded = { sessionIds: string[] };

/** An in-app notification was stored for one person (staff or client user): their bell counts it. */
export type NotificationAdded = { notificationId: string; partnerId: string; recipient: { kind: "staff" | "client"; userId: string } };

type EventMap = { alertChanged: AlertChange; ticketChanged: TicketChange; sessionsEnded: SessionsEnded; notificationAdded: NotificationAdded };

/** The PostgreSQL channel live updates cross API instances on. */
export const LIVE_CHANNEL = "mspgraph_live";

// NOTIFY refuses payloads of 8000 bytes or more; a live update carries ids, never rows.
const MAX_NOTICE_BYTES = 7900;

/**
 * Publish/subscribe for live updates (subscriptions over server-sent events).
 * @remarks Over a PostgreSQL database every publish goes out as NOTIFY on LIVE_CHANNEL and
 * every instance (this one included) LISTENs and hands it to its own subscribers, so a change
 * made through one API instance reaches subscribers on all. Without a database (a worker's
 * own bus) or on the embedded PGlite, which one process owns, it stays in-process.
 * Publish only after the change has committed: a subscriber reads what it names.
 */
export class EventBus {
  private readonly emitter = new EventEmitter({ captureRejections: true });
  private readonly listener: Listener | undefined;

  constructor(private readonly database?: Database) {
    // One listener per open subscription; many subscribers are expected.
    this.emitter.setMaxListeners(0);
    this.listener = database?.listen(LIVE_CHANNEL, (payload) => this.deliver(payload));
  }

  /** Resolves once this instance hears other instances' updates. */
  ready(): Promise<void> {
    return this.listener?.ready ?? Promise.resolve();
  }

  publish<K extends keyof EventMap>(name: K, event: EventMap[K]): void {
    if (!this.listener || !this.database) {
      this.emitter.emit(name, event);
      return;
    }
    for (const part of splitForNotice(name, event)) {
      const payload = JSON.stringify({ name, event: part });
      // The database unreachable: this instance's subscribers still hear it.
      void this.database.sql.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, payload]).catch(() => this.emitter.emit(name, part));
    }
  }

  /** Events from now on until the consumer stops iterating (or `signal` aborts). */
  async *subscribe<K extends keyof EventMap>(name: K, signal?: AbortSignal): AsyncGenerator<EventMap[K]> {
    try {
      for await (const [event] of on(this.emitter, name, { signal })) yield event as EventMap[K];
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
    }
  }

  /** Stops listening (the API's shutdown). */
  async close(): Promise<void> {
    await this.listener?.close();
  }

  private deliver(payload: string): void {
    try {
      const { name, event } = JSON.parse(payload) as { name: keyof EventMap; event: unknown };
      this.emitter.emit(name, event);
    } catch {
      // Not ours, or cut short: nothing to deliver.
    }
  }
}

/** Splits a list of ids over several notices when one would be too long. */
function splitForNotice<K extends keyof EventMap>(name: K, event: EventMap[K]): Array<EventMap[K]> {
  if (Buffer.byteLength(JSON.stringify({ name, event })) < MAX_NOTICE_BYTES) return [event];
  if (name !== "sessionsEnded") throw new Error(`live update ${name} is too large for NOTIFY`);
  const ids = (event as SessionsEnded).sessionIds;
  const half = Math.ceil(ids.length / 2);
  return [ids.slice(0, half), ids.slice(half)].flatMap((sessionIds) => splitForNotice(name, { sessionIds } as EventMap[K]));
}
