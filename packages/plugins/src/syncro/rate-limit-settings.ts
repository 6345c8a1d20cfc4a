import { z } from "zod";
import type { TSyncroRateLimit } from "./egress-limiter.js";

/** One budget for every instance, 170 requests a minute: 10 short of Syncro's 180, for clock skew. */
export const DEFAULT_SYNCRO_RATE_LIMIT: TSyncroRateLimit = { egress: "shared", maxRequests: 170, windowMs: 60_000 };

// "170/60s": requests per window. The window exists so tests can run the minute faster.
const ZRate = z
  .string()
  .trim()
  .regex(/^\d+\s*\/\s*\d+(\.\d+)?\s*s$/, 'must look like "170/60s" (requests per seconds)')
  .transform((text) => {
    const [requests = "", seconds = ""] = text.replace(/s$/, "").split("/");
    return { maxRequests: Number(requests), windowMs: Math.round(Number(seconds.trim()) * 1000) };
  })
  .refine((rate) => rate.maxRequests >= 12 && rate.maxRequests <= 180, "allows 12 to 180 requests (Syncro's limit is 180 a minute)")
  .refine((rate) => rate.windowMs >= 100, "needs a window of at least 0.1 s");

/** The API's Syncro settings, read from its environment by the app's env.ts. */
export const ZSyncroRateLimitEnv = z.object({
  MSPGRAPH_SYNCRO_EGRESS: z.string().trim().min(1).max(200).default(DEFAULT_SYNCRO_RATE_LIMIT.egress),
  MSPGRAPH_SYNCRO_RATE_LIMIT: ZRate.optional(),
});

/**
 * The Syncro rate limit an API instance paces on, from `MSPGRAPH_SYNCRO_EGRESS` and
 * `MSPGRAPH_SYNCRO_RATE_LIMIT`.
 * @param env the process environment (or a test's)
 * @remarks Throws with the variable's name when a value is unreadable.
 */
export function syncroRateLimitFromEnv(env: Record<string, string | undefined>): TSyncroRateLimit {
  const parsed = ZSyncroRateLimitEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const rate = parsed.data.MSPGRAPH_SYNCRO_RATE_LIMIT ?? DEFAULT_SYNCRO_RATE_LIMIT;
  return { egress: parsed.data.MSPGRAPH_SYNCRO_EGRESS, maxRequests: rate.maxRequests, windowMs: rate.windowMs };
}
