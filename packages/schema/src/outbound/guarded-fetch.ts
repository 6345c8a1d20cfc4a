import { lookup as dnsLookup } from "node:dns/promises";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { type OutboundPolicy, STRICT_OUTBOUND } from "./policy.js";
import { OutboundRefusedError, addressRefusal, urlRefusal } from "./refusals.js";

/** `fetch` for outbound calls: a URL and options in, a Response out. */
export type OutboundFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** Resolves a host name to every address it has (tests resolve names their own way). */
export type OutboundLookup = (hostname: string) => Promise<string[]>;

const systemLookup: OutboundLookup = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

// One connection pool per policy, however many clients ask for a fetch.
const shared = new WeakMap<OutboundPolicy, OutboundFetch>();

/**
 * The one way mspgraph sends HTTP requests out (integrations, webhooks): only to https URLs
 * whose addresses are public, unless the policy's allow-list names them; never following a
 * redirect.
 * @param policy From `MSPGRAPH_OUTBOUND_ALLOW` (apps/api reads it); strict when omitted.
 * @remarks The address is checked when the socket is opened, on what the name resolved to
 * at that moment, and the socket connects to exactly that address, so a name that re-resolves
 * elsewhere (DNS rebinding) gains nothing. Refusals reject with `OutboundRefusedError`; a 3xx
 * answer rejects with reason `redirect not followed`, its Location unread.
 */
export function guardedFetch(policy: OutboundPolicy = STRICT_OUTBOUND): OutboundFetch {
  let fetcher = shared.get(policy);
  if (!fetcher) {
    fetcher = createGuardedFetch({ policy });
    shared.set(policy, fetcher);
  }
  return fetcher;
}

/** As `guardedFetch`, with its own connection pool and, for tests, its own name resolution. */
export function createGuardedFetch(options: { policy: OutboundPolicy; lookup?: OutboundLookup }): OutboundFetch {
  const { policy } = options;
  const lookup = options.lookup ?? systemLookup;
  const connect = buildConnector({});
  const agent = new Agent({
    connect: (target, callback) => {
      const port = Number(target.port) || (target.protocol === "http:" ? 80 : 443);
      lookup(target.hostname).then(
        (addresses) => {
          const refusals = addresses.map((address) => addressRefusal(policy, { protocol: target.protocol, hostname: target.hostname, port, address }));
          const refused = addresses.length === 0 ? new OutboundRefusedError("address not allowed", `${target.hostname} has no address`) : refusals.find(Boolean);
          if (refused) return callback(refused, null);
          // The name's TLS identity is still checked: the server name comes from the Host.
          connect({ ...target, hostname: addresses[0]! }, callback);
        },
        (error: unknown) => callback(error as Error, null),
      );
    },
  });
  return async (url, init = {}) => {
    const target = new URL(url);
    const refused = urlRefusal(policy, target);
    if (refused) throw refused;
    let response: Response;
    try {
      response = (await undiciFetch(target, { ...(init as object), redirect: "manual", dispatcher: agent })) as unknown as Response;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      throw cause instanceof OutboundRefusedError ? cause : error;
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw new OutboundRefusedError("redirect not followed", `${target.host} answered ${response.status}`);
    }
    return response;
  };
}
