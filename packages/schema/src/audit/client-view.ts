import type { Principal } from "../principal.js";

/**
 * `value` as the caller may see it: a client user gets no staff detail (id, email, IP, user
 * agent, impersonation path) for an event a staff member or API key did; they see a name.
 */
export function staffDetail<T>(principal: Principal, event: { actorType: string }, value: T): T | null {
  if (principal.kind !== "client") return value;
  return event.actorType === "CLIENT" || event.actorType === "ANONYMOUS" ? value : null;
}
