import type { EventBus } from "../events.js";
import { notificationOutlet } from "../notifications/outlet.js";
import type { EventOutlet } from "./dispatch.js";

/** What the core's outlets need from the API process. */
export type CoreOutletDeps = {
  /** The live-update bus (notificationAdded is published on it). */
  events: Pick<EventBus, "publish">;
};

/** Every outlet the dispatcher hands each domain event to, in order. */
export function coreOutlets(deps: CoreOutletDeps): EventOutlet[] {
  return [notificationOutlet({ events: deps.events })];
}
