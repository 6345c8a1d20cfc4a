import type { Prisma, PrismaClient } from "@mspgraph/db";
import type { RequestInfo } from "../context.js";
import { type Principal, actorIdOf } from "../principal.js";
import { GENESIS_HASH, type HashedFields, eventHash } from "./hash-chain.js";
import { redactSecrets } from "./redact.js";

export type AuditTarget = { type: string; id: string; partnerId?: string | null; clientId?: string | null };

/** Where events are written: the whole database and the key that chains them. */
export type AuditTrail = { database: { prisma: PrismaClient }; auditKey: Uint8Array };

export type AuditEventInput = {
  action: string;
  outcome: "SUCCESS" | "FAILURE";
  principal: Principal;
  /** For events before anyone is signed in (a failed sign-in): who it was about. */
  subject?: { label: string; id?: string | null; partnerId?: string | null; clientId?: string | null };
  target?: AuditTarget;
  /** Names and ids only: never the text of a field or a secret. */
  metadata?: Record<string, unknown>;
  request?: RequestInfo;
  /** A staff act the client's users see anyway (a public reply on their ticket): show it in their trail. */
  clientVisible?: boolean;
};

function actorOf(principal: Principal, subject: AuditEventInput["subject"]) {
  switch (principal.kind) {
    case "anonymous":
      return { actorType: "ANONYMOUS", actorId: subject?.id ?? null, actorLabel: subject?.label ?? null };
    case "apiKey":
      return { actorType: "API_KEY", actorId: principal.keyId, actorLabel: principal.label };
    default:
      // An impersonating actor is always staff, whatever they act as.
      return { actorType: principal.kind === "staff" || principal.impersonation ? "STAFF" : "CLIENT", actorId: actorIdOf(principal), actorLabel: subject?.label ?? principal.actorEmail ?? null };
  }
}

function tenantOf(input: AuditEventInput): { partnerId: string | null; clientId: string | null } {
  const { principal, subject } = input;
  const ownPartner = principal.kind === "anonymous" ? null : principal.partnerId;
  const ownClient = principal.kind === "client" ? principal.clientId : null;
  // A refused reach into another tenant's row is the actor's own tenant's event: filing it
  // under the row's tenant would show that tenant who the actor is.
  const foreign = (ownPartner && input.target?.partnerId && input.target.partnerId !== ownPartner) || (ownClient && input.target?.clientId && input.target.clientId !== ownClient);
  const target = foreign ? undefined : input.target;
  const partnerId = target?.partnerId ?? subject?.partnerId ?? ownPartner ?? null;
  const clientId = target?.clientId ?? subject?.clientId ?? ownClient;
  return { partnerId, clientId };
}

/** The actor's display name, kept with the event: client users see staff by name only. */
async function actorNameOf(tx: Prisma.TransactionClient, actor: { actorType: string; actorId: string | null; actorLabel: string | null }): Promise<string | null> {
  if (actor.actorType === "API_KEY") return actor.actorLabel;
  if (!actor.actorId) return null;
  if (actor.actorType === "STAFF") return (await tx.staffUser.findUnique({ where: { id: actor.actorId }, select: { name: true } }))?.name ?? null;
  if (actor.actorType === "CLIENT") return (await tx.clientUser.findUnique({ where: { id: actor.actorId }, select: { name: true } }))?.name ?? null;
  return null;
}

/**
 * A client's users see their own users' acts (sign-ins included) and the staff acts the
 * caller marked as visible to them; never staff-only work on their tickets.
 */
function clientVisibleOf(input: AuditEventInput, actorType: string, clientId: string | null): boolean {
  if (!clientId) return false;
  if (actorType === "CLIENT") return true;
  if (actorType === "ANONYMOUS") return input.subject?.clientId === clientId;
  return input.clientVisible === true;
}

/**
 * Appends one event to its partner's hash chain (or the platform chain).
 * @remarks The chain head row is locked for the append, so concurrent writers, in this
 * process or another API instance, queue rather than fork the chain. Uses the unscoped
 * client: the trail records every tenant's acts.
 */
export async function recordAuditEvent(trail: AuditTrail, input: AuditEventInput): Promise<void> {
  const { partnerId, clientId } = tenantOf(input);
  const chain = partnerId ?? "platform";
  const principal = input.principal;
  const impersonation = principal.kind === "staff" || principal.kind === "client" ? (principal.impersonation?.chain ?? null) : null;
  const actor = actorOf(principal, input.subject);
  const at = new Date();
  await trail.database.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "AuditChainHead" (chain, "lastSeq", "lastHash") VALUES (${chain}, 0, ${GENESIS_HASH}) ON CONFLICT (chain) DO NOTHING`;
    const [head] = await tx.$queryRaw<Array<{ lastSeq: number; lastHash: string }>>`SELECT "lastSeq", "lastHash" FROM "AuditChainHead" WHERE chain = ${chain} FOR UPDATE`;
    const fields: HashedFields = {
      chain,
      seq: head!.lastSeq + 1,
      at,
      action: input.action,
      outcome: input.outcome,
      ...actor,
      actorName: await actorNameOf(tx, actor),
      impersonation,
      partnerId,
      clientId,
      clientVisible: clientVisibleOf(input, actor.actorType, clientId),
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      ip: input.request?.ip ?? null,
      userAgent: input.request?.userAgent.slice(0, 500) ?? null,
      metadata: redactSecrets(input.metadata ?? {}),
    };
    const hash = eventHash(trail.auditKey, head!.lastHash, fields);
    await tx.auditEvent.create({
      data: { ...fields, impersonation: fields.impersonation ?? undefined, metadata: fields.metadata as object, prevHash: head!.lastHash, hash },
    });
    await tx.auditChainHead.update({ where: { chain }, data: { lastSeq: fields.seq, lastHash: hash } });
  });
}
