import type { IntegrationStatus, Prisma, PrismaClient } from "@mspgraph/db";
import { integrationActor } from "../domain-events/actor.js";
import type { DomainEventActor } from "../domain-events/catalog.js";
import { recordDomainEvent } from "../domain-events/record.js";

type TConnectionRef = { id: string; partnerId: string; pluginId: string };

/** Records integration.status_changed when a connection's status moved; nothing when it stayed. */
export async function recordStatusChange(tx: Prisma.TransactionClient, input: { connection: TConnectionRef; from: IntegrationStatus; to: IntegrationStatus; actor: DomainEventActor }): Promise<void> {
  if (input.from === input.to) return;
  const { connection } = input;
  // The vendor's error text stays out: it is the provider's words, shown to the partner's staff only.
  const payload = { integration: { pluginId: connection.pluginId }, status: { from: input.from, to: input.to } };
  await recordDomainEvent(tx, { type: "integration.status_changed", partnerId: connection.partnerId, actor: input.actor, payload });
}

/**
 * Updates a connection's status fields as `next` decides from what is stored (null: no write),
 * with its event, in one transaction that holds the row.
 */
export async function updateConnectionStatus(
  root: PrismaClient,
  connection: TConnectionRef,
  next: (current: { status: IntegrationStatus; consecutiveFailures: number }) => Prisma.IntegrationConnectionUpdateInput & { status?: IntegrationStatus } | null,
): Promise<void> {
  await root.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "IntegrationConnection" WHERE id = ${connection.id}::uuid FOR UPDATE`;
    const current = await tx.integrationConnection.findUnique({ where: { id: connection.id }, select: { status: true, consecutiveFailures: true } });
    const data = current ? next(current) : null;
    if (!current || !data) return;
    await tx.integrationConnection.update({ where: { id: connection.id }, data });
    await recordStatusChange(tx, { connection, from: current.status, to: data.status ?? current.status, actor: integrationActor(connection.pluginId) });
  });
}
