import type { EventOutlet } from "./dispatch.js";
import { webhookOutlet } from "../webhooks/outlet.js";

/** What the outlets need from the API (none of them needs anything yet). */
export type OutletDeps = Record<string, never>;

/** Every outlet the dispatcher hands events to, in one list. */
export function coreOutlets(_deps: OutletDeps = {}): EventOutlet[] {
  return [webhookOutlet()];
}
