import type { Prisma } from "@prisma/client";

/**
 * Takes the partner's next ticket number from its counter row with one atomic upsert, so two
 * writers never get the same number, whoever they are and whatever rows they can see.
 * @param tx the transaction that writes the ticket: the counter row stays locked until it
 * ends, and a rolled-back ticket gives its number back.
 * @remarks A partner without a counter row (a new one) starts after its highest ticket number.
 */
export async function nextTicketNumber(tx: Prisma.TransactionClient, partnerId: string): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ lastNumber: number }>>`
    INSERT INTO "TicketCounter" ("partnerId", "lastNumber")
    SELECT ${partnerId}::uuid, COALESCE(MAX("number"), 0) + 1 FROM "Ticket" WHERE "partnerId" = ${partnerId}::uuid
    ON CONFLICT ("partnerId") DO UPDATE SET "lastNumber" = "TicketCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  if (!row) throw new Error("the ticket counter returned no row");
  return row.lastNumber;
}

/**
 * Options for the transaction around `createNumberedTicket`: writers of one partner queue on
 * its counter row, so under a burst a transaction may wait longer than Prisma's 2-second
 * default for a connection.
 */
export const TICKET_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/**
 * Writes a ticket with the partner's next number. Every path that creates tickets goes through
 * here, inside the transaction that writes the rest of it (comments, time, line items): if any
 * of that fails, nothing is written and the number is not used.
 */
export async function createNumberedTicket(tx: Prisma.TransactionClient, data: Omit<Prisma.TicketUncheckedCreateInput, "number">): Promise<{ id: string; number: number }> {
  const number = await nextTicketNumber(tx, data.partnerId);
  return tx.ticket.create({ data: { ...data, number }, select: { id: true, number: true } });
}
