import type { PrismaClient } from "@mspgraph/db";
import { GENESIS_HASH, eventHash } from "./hash-chain.js";

export type AuditChainReport = {
  ok: boolean;
  chainsChecked: number;
  eventsChecked: number;
  firstBroken: { chain: string; seq: number; eventId: string | null; reason: string } | null;
};

const PAGE = 1000;

/**
 * Recomputes every chain from its first event: each event's hash, its link to the one
 * before, the sequence without gaps, and the chain head (a deleted newest event).
 */
export async function verifyAuditChains(prisma: PrismaClient): Promise<AuditChainReport> {
  const heads = await prisma.auditChainHead.findMany({ orderBy: { chain: "asc" } });
  let eventsChecked = 0;
  for (const head of heads) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (let after = 0; ; ) {
      const events = await prisma.auditEvent.findMany({ where: { chain: head.chain, seq: { gt: after } }, orderBy: { seq: "asc" }, take: PAGE });
      for (const event of events) {
        eventsChecked++;
        const broken = (reason: string) => ({ ok: false, chainsChecked: heads.length, eventsChecked, firstBroken: { chain: head.chain, seq: event.seq, eventId: event.id, reason } });
        if (event.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing`);
        if (event.prevHash !== prevHash) return broken("does not link to the event before it");
        const { id: _id, prevHash: _p, hash, ...fields } = event;
        if (eventHash(prevHash, fields) !== hash) return broken("its contents were changed after it was written");
        prevHash = hash;
        expectedSeq++;
      }
      if (events.length < PAGE) break;
      after = events.at(-1)!.seq;
    }
    if (head.lastSeq !== expectedSeq - 1 || head.lastHash !== prevHash) {
      return { ok: false, chainsChecked: heads.length, eventsChecked, firstBroken: { chain: head.chain, seq: expectedSeq, eventId: null, reason: "events at the end of the chain are missing" } };
    }
  }
  return { ok: true, chainsChecked: heads.length, eventsChecked, firstBroken: null };
}
