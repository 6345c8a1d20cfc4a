import { encodeGlobalID } from "@pothos/plugin-relay";
import type { PrismaClient } from "@mspgraph/db";
import type { Principal } from "../principal.js";
import type { DomainEventActor } from "./catalog.js";

/** A sync or worker acting for a connected plugin (its id names it). */
export const integrationActor = (pluginId: string): DomainEventActor => ({ type: "INTEGRATION", id: null, name: pluginId });

/** mspgraph itself (a scheduled job, a cleanup). */
export const SYSTEM_ACTOR: DomainEventActor = { type: "SYSTEM", id: null, name: null };

/**
 * Who caused a change, for its domain event: the real person behind an impersonation, the
 * client user, or the API key (by its label).
 * @param prisma unscoped: an impersonating staff user is outside the client's scope
 */
export async function eventActorOf(prisma: PrismaClient, principal: Principal): Promise<DomainEventActor> {
  switch (principal.kind) {
    case "apiKey":
      return { type: "API_KEY", id: encodeGlobalID("ApiKey", principal.keyId), name: principal.label };
    case "staff":
    case "client": {
      const staffId = principal.impersonation?.actorId ?? (principal.kind === "staff" ? principal.userId : undefined);
      if (staffId) {
        const staff = await prisma.staffUser.findUnique({ where: { id: staffId }, select: { name: true } });
        return { type: "STAFF", id: encodeGlobalID("StaffUser", staffId), name: staff?.name ?? null };
      }
      const user = await prisma.clientUser.findUnique({ where: { id: principal.userId }, select: { name: true } });
      return { type: "CLIENT_USER", id: encodeGlobalID("ClientUser", principal.userId), name: user?.name ?? null };
    }
    case "anonymous":
      return SYSTEM_ACTOR;
  }
}
