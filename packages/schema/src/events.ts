import { EventEmitter, on } from "node:events";

export type AlertChange = { change: "RAISED" | "UPDATED"; alertId: string; partnerId: string; clientId: string };

/** Sessions that were just ended (logout, a stopped impersonation): their live streams end now. */
export type SessionsEnded = { sessionIds: string[] };

/** An in-app notification was stored for one person (staff or client user): their bell counts it. */
export type NotificationAdded = { notificationId: string; partnerId: string; recipient: { kind: "staff" | "client"; userId: string } };

type EventMap = { alertChanged: AlertChange; sessionsEnded: SessionsEnded; notificationAdded: NotificationAdded };

/**
 * In-process publish/subscribe for live updates (subscriptions over server-sent events).
 * @remarks One API instance's events only; running several instances needs a shared
 * broker (PostgreSQL LISTEN/NOTIFY or Redis) behind this same interface.
 */
export class EventBus {
  private readonly emitter = new EventEmitter({ captureRejections: true });

  constructor() {
    // One listener per open subscription; many subscribers are expected.
    this.emitter.setMaxListeners(0);
  }

  publish<K extends keyof EventMap>(name: K, event: EventMap[K]): void {
    this.emitter.emit(name, event);
  }

  /** Events from now on until the consumer stops iterating (or `signal` aborts). */
  async *subscribe<K extends keyof EventMap>(name: K, signal?: AbortSignal): AsyncGenerator<EventMap[K]> {
    try {
      for await (const [event] of on(this.emitter, name, { signal })) yield event as EventMap[K];
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
    }
  }
}
