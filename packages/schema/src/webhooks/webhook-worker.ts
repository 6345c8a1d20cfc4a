import type { Database, Prisma } from "@mspgraph/db";
import { Webhook } from "standardwebhooks";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { describeNetworkFailure } from "../outbound/failures.js";
import { type OutboundFetch, guardedFetch } from "../outbound/guarded-fetch.js";
import type { OutboundPolicy } from "../outbound/policy.js";
import type { Logger } from "../server/logger.js";
import { type AttemptOutcome, type ClaimedDelivery, RESPONSE_EXCERPT_BYTES, WEBHOOK_LEASE_MS, claimDeliveries, finishDelivery, recordEndpointHealth } from "./delivery-queue.js";
import { mailEndpointDisabled } from "./disabled-notice.js";
import { openWebhookSecret } from "./secrets.js";

/** How long a receiver has to answer an attempt before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookWorkerOptions = {
  database: Database;
  keyRing: KeyRing;
  logger: Logger;
  /** MSPGRAPH_OUTBOUND_ALLOW: endpoints reach public https addresses only, unless it names them. */
  outbound: OutboundPolicy;
  /** Where the disabled-endpoint mail links to (the web app's address). */
  publicUrl: string;
  /** Deliveries claimed and sent at once per round (default 20). */
  batch?: number;
  timeoutMs?: number;
  leaseMs?: number;
  /** The clock (tests move it past a retry's wait); also the `webhook-timestamp`. */
  now?: () => Date;
  /** The jitter's randomness, a number in [0, 1). */
  random?: () => number;
  /** Tests may resolve names their own way; defaults to the guarded fetch of `outbound`. */
  fetch?: OutboundFetch;
};

/** The `webhook-id` of a delivery, the same for every attempt (receivers deduplicate on it). */
export const webhookIdOf = (deliveryId: string) => `msg_${deliveryId}`;

// The first bytes of the answer, for the delivery log; the rest is not read.
async function excerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < RESPONSE_EXCERPT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8");
}

async function attempt(options: WebhookWorkerOptions, fetch: OutboundFetch, delivery: ClaimedDelivery, sentAt: Date): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const id = webhookIdOf(delivery.id);
    const signature = new Webhook(openWebhookSecret(options.keyRing, { id: delivery.endpointId, secretCiphertext: delivery.secretCiphertext })).sign(id, sentAt, delivery.body);
    const headers = {
      "content-type": "application/json",
      "user-agent": "mspgraph-webhooks/1",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signature,
    };
    const response = await fetch(delivery.url, { method: "POST", headers, body: delivery.body, signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) });
    const body = await excerpt(response);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, timeMs: elapsed(), body, error: ok ? null : `answered ${response.status}` };
  } catch (error) {
    const timedOut = (error as { name?: string }).name === "TimeoutError";
    return { ok: false, status: null, timeMs: elapsed(), body: null, error: timedOut ? "timed out" : describeNetworkFailure(error) };
  }
}

async function deliver(options: WebhookWorkerOptions, fetch: OutboundFetch, delivery: ClaimedDelivery, now: () => Date): Promise<boolean | null> {
  const outcome = await attempt(options, fetch, delivery, now());
  const status = await finishDelivery({ prisma: options.database.prisma, delivery, outcome, now: now(), ...(options.random ? { random: options.random } : {}) });
  // Ids, statuses and times only: never the body, the secret or the receiver's answer.
  const line = { deliveryId: delivery.id, endpointId: delivery.endpointId, attempt: delivery.attempts, status, httpStatus: outcome.status, ms: outcome.timeMs };
  if (status === "LOST") {
    options.logger.warn(line, "a webhook delivery's claim ran out while it was being sent");
    return null;
  }
  if (outcome.ok) options.logger.debug(line, "webhook delivered");
  else options.logger.info({ ...line, error: outcome.error }, "webhook attempt failed");
  return outcome.ok;
}

// One health update per endpoint per round: any success in it ends the failing streak.
async function recordHealth(options: WebhookWorkerOptions, claimed: ClaimedDelivery[], outcomes: Array<boolean | null>, now: Date): Promise<void> {
  const endpoints = new Map<string, { succeeded: boolean; failingSince: Date | null }>();
  claimed.forEach((delivery, index) => {
    const ok = outcomes[index];
    if (ok === null || ok === undefined) return;
    const seen = endpoints.get(delivery.endpointId);
    endpoints.set(delivery.endpointId, { succeeded: (seen?.succeeded ?? false) || ok, failingSince: delivery.failingSince });
  });
  for (const [endpointId, health] of endpoints) {
    const disable = (tx: Prisma.TransactionClient) => mailEndpointDisabled({ tx, keyRing: options.keyRing, publicUrl: options.publicUrl, endpointId });
    const disabled = await recordEndpointHealth({ prisma: options.database.prisma, endpointId, ...health, now, disable });
    if (disabled) options.logger.warn({ endpointId }, "webhook endpoint disabled after failing for 3 days; its owners were emailed");
  }
}

/**
 * Sends due webhook deliveries once: claims a batch (leased, FOR UPDATE SKIP LOCKED, so
 * several API instances share the work), signs and posts each per Standard Webhooks, and
 * records success, a retry on the schedule, or DEAD after the last attempt.
 * @returns how many deliveries it tried
 */
export async function processDueWebhooks(options: WebhookWorkerOptions): Promise<number> {
  const now = options.now ?? (() => new Date());
  const fetch = options.fetch ?? guardedFetch(options.outbound);
  const claimed = await claimDeliveries(options.database.prisma, now(), options.batch ?? 20, options.leaseMs ?? WEBHOOK_LEASE_MS);
  const outcomes = await Promise.all(claimed.map((delivery) => deliver(options, fetch, delivery, now)));
  await recordHealth(options, claimed, outcomes, now());
  return claimed.length;
}

/** Polls for due deliveries until stopped; `stop()` waits for the round in flight. */
export function startWebhookWorker(options: WebhookWorkerOptions & { intervalMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);
  const tick = async () => {
    if (stopped) return;
    running = processDueWebhooks(options).catch((error: unknown) => {
      options.logger.error({ error: error instanceof Error ? error.name : "error" }, "webhook worker failed");
      return 0;
    });
    const tried = await running;
    if (!stopped) setTimeout(tick, tried === (options.batch ?? 20) ? 0 : (options.intervalMs ?? 1_000)).unref();
  };
  setTimeout(tick, 0).unref();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
