import type { Database } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import type { EventBus } from "../events.js";
import type { Logger } from "../server/logger.js";
import type { EventOutlet } from "./dispatch.js";

/** What outlets may need to take an event: the database, the key ring, the live bus. */
export type OutletDeps = { database: Database; keyRing: KeyRing; events: EventBus; logger: Logger };

/**
 * The one list of outlets every event goes to (webhooks, email and in-app notifications).
 * @param deps shared by the API process and the tests' harness, so both run the same outlets
 */
export function coreOutlets(deps: OutletDeps): EventOutlet[] {
  void deps;
  return [];
}
