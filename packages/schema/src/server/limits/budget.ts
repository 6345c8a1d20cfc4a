import type { Database } from "@mspgraph/db";
import type { RateLimitState } from "../../context.js";
import type { Principal } from "../../principal.js";


export const HOURLY_BUDGET = 5000;

/**
 * Whose budget a request spends: a person's (the real actor's when impersonating) or a key's.
 * A caller without a session spends none: it may only sign in (throttled per account and per
 * address) or renew, and one bucket shared by every such caller would let one block them all.
 */
export function budgetKey(principal: Principal): string | null {
  if (principal.kind === "apiKey") return `key:${principal.keyId}`;
  if (principal.kind === "anonymous") return null;
  return `user:${principal.impersonation?.actorId ?? principal.userId}`;
}

type Row = { used: number; windowStartsAt: Date };

/**
 * Spends `cost` points of the key's hourly budget in one statement; nothing is spent when
 * the cost does not fit. The hour starts at the first request and resets an hour later.
 */
export async function spendBudget(database: Database, key: string, cost: number, limit = HOURLY_BUDGET): Promise<{ allowed: boolean; state: RateLimitState }> {
  const [spent] = await database.prisma.$queryRaw<Row[]>`
    INSERT INTO "RateLimitBucket" (key, "windowStartsAt", used) VALUES (${key}, now(), ${cost})
    ON CONFLICT (key) DO UPDATE SET
      "windowStartsAt" = CASE WHEN "RateLimitBucket"."windowStartsAt" <= now() - interval '1 hour' THEN now() ELSE "RateLimitBucket"."windowStartsAt" END,
      used = CASE WHEN "RateLimitBucket"."windowStartsAt" <= now() - interval '1 hour' THEN 0 ELSE "RateLimitBucket".used END + EXCLUDED.used
    WHERE (CASE WHEN "RateLimitBucket"."windowStartsAt" <= now() - interval '1 hour' THEN 0 ELSE "RateLimitBucket".used END) + EXCLUDED.used <= ${limit}
    RETURNING used, "windowStartsAt"`;
  const row = spent ?? (await database.prisma.$queryRaw<Row[]>`SELECT used, "windowStartsAt" FROM "RateLimitBucket" WHERE key = ${key}`)[0];
  const used = row?.used ?? 0;
  const resetAt = new Date((row?.windowStartsAt ?? new Date()).getTime() + 60 * 60 * 1000);
  return { allowed: Boolean(spent), state: { cost, limit, remaining: Math.max(0, limit - used), resetAt } };
}

