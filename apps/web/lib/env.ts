import { z } from "zod";

const DAY_SECONDS = 24 * 60 * 60;

const ZWebEnv = z.object({
  /**
   * How long a sign-in lasts in the web app, from sign-in. Defaults to the API's own limit
   * (30 days); a shorter value ends web sessions sooner (the API cannot be asked when its
   * session ends, so the web server keeps its own clock and the API's refusal ends it too).
   */
  MSPGRAPH_WEB_SESSION_TTL_SECONDS: z.coerce.number().int().min(30).max(30 * DAY_SECONDS).default(30 * DAY_SECONDS),
});

export type TWebEnv = z.infer<typeof ZWebEnv>;

/** The web server's settings, read per call so a built app picks up its runtime environment. */
export function webEnv(env: NodeJS.ProcessEnv = process.env): TWebEnv {
  const parsed = ZWebEnv.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid web environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
