import ipaddr from "ipaddr.js";

// Cloud instance-metadata services hand out machine credentials; never reachable, even when
// an allow-list range covers them. 168.63.129.16 is Azure's host endpoint, a public address.
const METADATA = new Set(["169.254.169.254", "169.254.170.2", "168.63.129.16", "100.100.100.200", "fd00:ec2::254"]);

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT address",
  uniqueLocal: "a unique-local address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
};

/**
 * Why an IP address is not a public one, or null when it is.
 * @param address An IPv4 or IPv6 address (IPv4-mapped IPv6 is judged as the IPv4 inside).
 * @remarks Only ipaddr.js's `unicast` range counts as public; loopback, private, link-local,
 * CGNAT, multicast, unspecified, reserved, unique-local and the IPv6 forms that embed an IPv4
 * address (6to4, NAT64, Teredo) do not.
 */
export function nonPublicReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  if (isMetadataAddress(address)) return "a cloud metadata address";
  const range = ipaddr.process(address).range();
  if (range === "unicast") return null;
  return RANGE_NAMES[range] ?? `a non-public address (${range})`;
}

/** True for an address of a cloud metadata service (never allowed). */
export function isMetadataAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return METADATA.has(parsed.toNormalizedString()) || METADATA.has(parsed.toString());
}

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A range written as `10.0.0.0/8` or `fd00::/8`; throws a RangeError for anything else. */
export function parseCidr(text: string): Cidr {
  try {
    return ipaddr.parseCIDR(text);
  } catch {
    throw new RangeError(`"${text}" is not a host, host:port or CIDR range`);
  }
}

/** True when `address` lies in `cidr` (IPv4-mapped IPv6 is matched as IPv4). */
export function inCidr(address: string, cidr: Cidr): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.kind() === cidr[0].kind() && parsed.match(cidr);
}

/** An IP literal without the brackets a URL puts around IPv6. */
export const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
