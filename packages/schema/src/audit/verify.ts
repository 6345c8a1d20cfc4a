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
 * Recomputes every chain from its first event under the audit key: each event's hash, its
 * link to the one before, the sequence without gaps, and the chain head (a deleted newest
 * event). A chain recomputed without the key (plain SHA-256, another key) fails at its first event.
 * @remarks Chains are read from the events as well as the heads, so rows added under a chain
 * with no head are checked too.
 */
export async function verifyAuditChains(prisma: PrismaClient, key: Uint8Array): Promise<AuditChainReport> {
  const heads = new Map((await prisma.auditChainHead.findMany()).map((head) => [head.chain, head]));
  const chains = [...new Set([...heads.keys(), ...(await prisma.auditEvent.groupBy({ by: ["chain"] })).map((row) => row.chain)])].sort();
  let eventsChecked = 0;
  const report = (firstBroken: AuditChainReport["firstBroken"]): AuditChainReport => ({ ok: !firstBroken, chainsChecked: chains.length, eventsChecked, firstBroken });
  for (const chain of chains) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (let after = 0; ; ) {
      const events = await prisma.auditEvent.findMany({ where: { chain, seq: { gt: after } }, orderBy: { seq: "asc" }, take: PAGE });
      for (const event of events) {
        eventsChecked++;
        const broken = (reason: string) => report({ chain, seq: event.seq, eventId: event.id, reason });
        if (event.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing`);
        if (event.prevHash !== prevHash) return broken("does not link to the event before it");
        const { id: _id, prevHash: _p, hash, ...fields } = event;
        if (eventHash(key, prevHash, fields) !== hash) return broken("its contents were changed after it was written, or it was not written under this audit key");
        prevHash = hash;
        expectedSeq++;
      }
      if (events.length < PAGE) break;
      after = events.at(-1)!.seq;
    }
    const head = heads.get(chain);
    if (!head || head.lastSeq !== expectedSeq - 1 || head.lastHash !== prevHash) {
      return report({ chain, seq: expectedSeq, eventId: null, reason: head ? "events at the end of the chain are missing" : "the chain has no head: its events were not written by the API" });
    }
  }
  return report(null);
}
