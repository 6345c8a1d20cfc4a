import { BlockList, isIP } from "node:net";

/** The proxies whose forwarding headers count; nobody's by default. */
export type TrustedProxies = { has(address: string): boolean; readonly empty: boolean };

const LOOPBACK = ["127.0.0.0/8", "::1/128"];

/**
 * Reads `MSPGRAPH_TRUSTED_PROXIES`: CIDRs or single addresses separated by commas or spaces,
 * and `loopback` for 127.0.0.0/8 and ::1. Throws on anything else, naming the bad entry.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean).flatMap((entry) => (entry === "loopback" ? LOOPBACK : [entry]));
  for (const entry of entries) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (!family || rest.length > 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) || !Number.isInteger(bits) || bits < 0 || bits > max) {
      throw new Error(`not an IP address or CIDR: "${entry}" (e.g. 10.0.0.0/8, 2001:db8::/32, 127.0.0.1 or loopback)`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return {
    empty: entries.length === 0,
    has: (address) => {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/** A bare address: IPv4-mapped IPv6 as IPv4, lower case; `null` when it is not an address. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  let address = (raw ?? "").trim().toLowerCase();
  // A forwarded entry may carry a port: "203.0.113.7:5678" or "[2001:db8::1]:443".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address : null;
}

/**
 * The caller's address: the socket's peer unless that peer is a trusted proxy, in which case
 * X-Forwarded-For is walked from the right, past every trusted hop, to the first address
 * that is not one. Entries left of it were written by whoever sent them and are ignored.
 * @remarks Without a socket (in-process calls) the address is "unknown".
 */
export function clientAddress(options: { remoteAddress: string | undefined; forwardedFor: string | null; trusted: TrustedProxies }): string {
  let address = normalizeAddress(options.remoteAddress);
  if (!address) return "unknown";
  const hops = (options.forwardedFor ?? "").split(",");
  while (options.trusted.has(address) && hops.length > 0) {
    const hop = hops.pop()!;
    if (!hop.trim()) continue;
    const next = normalizeAddress(hop);
    // A trusted proxy that forwards garbage: the proxy itself is the best-known address.
    if (!next) break;
    address = next;
  }
  return address;
}

/**
 * What a per-address limit counts: an IPv6 address by its /64, since one subscriber is
 * usually handed a whole /64 and could otherwise try from a new address every time.
 */
export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail] = address.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  // A dotted IPv4 tail fills two groups; only the first four groups matter here.
  const width = (parts: string[]) => parts.reduce((n, part) => n + (part.includes(".") ? 2 : 1), 0);
  const missing = tail === undefined ? 0 : 8 - width(groups(head)) - width(groups(tail));
  const all = [...groups(head), ...Array<string>(missing).fill("0"), ...groups(tail)];
  return `${all.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}
