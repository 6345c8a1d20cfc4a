import ipaddr from "ipaddr.js";
import { bareHost, inCidr, isMetadataAddress, nonPublicReason } from "./addresses.js";
import { type OutboundPolicy, hostAllowed, portOf } from "./policy.js";

/** Why an outbound request was not sent: a refused address, or a redirect it did not follow. */
export class OutboundRefusedError extends Error {
  override readonly name = "OutboundRefusedError";
  /** `address not allowed` or `redirect not followed`: the short reason callers show. */
  readonly reason: "address not allowed" | "redirect not followed";

  constructor(reason: OutboundRefusedError["reason"], detail: string) {
    super(`${reason} (${detail})`);
    this.reason = reason;
  }
}

const HTTPS_ONLY = "only https is allowed, except to hosts named in MSPGRAPH_OUTBOUND_ALLOW";

/**
 * Why connecting to `address` (what `hostname` resolved to) is refused, or null.
 * @remarks Metadata addresses are refused even when the allow-list covers them.
 */
export function addressRefusal(policy: OutboundPolicy, target: { protocol: string; hostname: string; port: number; address: string }): OutboundRefusedError | null {
  const host = bareHost(target.hostname);
  const subject = host === bareHost(target.address) ? `${host} is` : `${host} resolves to`;
  if (isMetadataAddress(target.address)) return new OutboundRefusedError("address not allowed", `${subject} a cloud metadata address`);
  if (hostAllowed(policy, host, target.port) || policy.ranges.some((range) => inCidr(target.address, range))) return null;
  if (target.protocol !== "https:") return new OutboundRefusedError("address not allowed", HTTPS_ONLY);
  const reason = nonPublicReason(target.address);
  return reason ? new OutboundRefusedError("address not allowed", `${subject} ${reason}`) : null;
}

/**
 * Why a request to `url` is refused before any name is resolved, or null when it may go on to
 * connect (where the resolved address is checked again).
 * @param policy What the install allows besides public https addresses.
 * @param url Where the request would go.
 * @remarks Exported so a form can say at once that a base URL will never be reachable.
 */
export function urlRefusal(policy: OutboundPolicy, url: URL): OutboundRefusedError | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return new OutboundRefusedError("address not allowed", HTTPS_ONLY);
  const host = bareHost(url.hostname);
  const port = portOf(url);
  if (ipaddr.isValid(host)) return addressRefusal(policy, { protocol: url.protocol, hostname: host, port, address: host });
  if (url.protocol === "http:" && !hostAllowed(policy, host, port) && policy.ranges.length === 0) return new OutboundRefusedError("address not allowed", HTTPS_ONLY);
  return null;
}
