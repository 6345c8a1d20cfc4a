import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { guardedFetch } from "@mspgraph/schema";
import { TEST_OUTBOUND } from "@mspgraph/schema/testing";
import { countRequests, rejectionOf as rejectionOfType } from "../../testing/vendor-test-helpers.js";
import { Msp360Client, type TMsp360ClientOptions } from "../client/client.js";
import { Msp360ApiError } from "../client/errors.js";
import type { TMsp360Server } from "./msp360-server.js";

/** A client for the local server, with backoff that does not actually wait. */
export function clientFor(server: TMsp360Server, options: Partial<TMsp360ClientOptions> = {}): Msp360Client {
  return new Msp360Client({
    baseUrl: server.url,
    userName: server.credentials.userName,
    password: server.credentials.password,
    fetch: guardedFetch(TEST_OUTBOUND),
    backoffBaseMs: 1,
    sleep: async () => undefined,
    ...options,
  });
}


export const countLogins = (server: TMsp360Server) => countRequests(server, { method: "POST", path: "/api/Provider/Login" });

/** A clock tests move by hand, shared by client and server so tokens age without waiting. */
export function manualClock(start = new Date("2025-03-10T09:00:00Z")) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}


export { countRequests };

/** The Msp360ApiError a call rejected with; throws if it resolved or threw something else. */
export const rejectionOf = (call: Promise<unknown>) => rejectionOfType(Msp360ApiError, call);

/** A forced collection, so heapUsed means "live objects" rather than "garbage not yet swept". */
export function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
