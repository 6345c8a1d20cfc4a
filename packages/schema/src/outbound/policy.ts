import ipaddr from "ipaddr.js";
import { type Cidr, bareHost, parseCidr } from "./addresses.js";

type HostEntry = { host: string; port: number | null };

/**
 * What outbound requests may reach besides public https addresses: hosts (any port),
 * `host:port` pairs, and CIDR ranges of resolved addresses. Plain http is allowed only to these.
 */
export type OutboundPolicy = { readonly hosts: readonly HostEntry[]; readonly ranges: readonly Cidr[] };

/** Public https addresses only: the default, and what production should run with. */
export const STRICT_OUTBOUND: OutboundPolicy = { hosts: [], ranges: [] };

const HOST_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function hostEntry(text: string): HostEntry {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const plain = /^([^:]+)(?::(\d+))?$/.exec(text);
  const [host, port] = bracketed ? [bracketed[1]!, bracketed[2]] : ipaddr.IPv6.isValid(text) ? [text, undefined] : [plain?.[1], plain?.[2]];
  const name = host ? bareHost(host) : "";
  if (!(ipaddr.isValid(name) || HOST_NAME.test(name))) throw new RangeError(`"${text}" is not a host, host:port or CIDR range`);
  const number = port === undefined ? null : Number(port);
  if (number !== null && !(number >= 1 && number <= 65_535)) throw new RangeError(`"${text}" has no valid port`);
  return { host: name, port: number };
}

/**
 * Reads `MSPGRAPH_OUTBOUND_ALLOW`: comma-separated hosts (`syncro.internal`, `127.0.0.1`),
 * `host:port` pairs (`127.0.0.1:8080`, `[::1]:8080`) and CIDR ranges (`10.20.0.0/16`).
 * @param text The variable's value; empty or undefined gives the strict policy.
 * @remarks A host entry matches the URL's host as written, so `127.0.0.1` does not admit
 * `localhost`; a range matches the address a name resolves to when connecting. Throws a
 * RangeError naming the first entry it cannot read.
 */
export function parseOutboundAllow(text: string | undefined): OutboundPolicy {
  const entries = (text ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const hosts: HostEntry[] = [];
  const ranges: Cidr[] = [];
  for (const entry of entries) {
    if (entry.includes("/")) ranges.push(parseCidr(entry));
    else hosts.push(hostEntry(entry));
  }
  return { hosts, ranges };
}

/** True when the allow-list names this host (and port, when the entry has one). */
export function hostAllowed(policy: OutboundPolicy, hostname: string, port: number): boolean {
  const host = bareHost(hostname);
  return policy.hosts.some((entry) => entry.host === host && (entry.port === null || entry.port === port));
}

/** The port a URL connects to, its scheme's default when it names none. */
export const portOf = (url: URL) => (url.port ? Number(url.port) : url.protocol === "http:" ? 80 : 443);
