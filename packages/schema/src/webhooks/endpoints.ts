import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { isDomainEventType } from "../domain-events/catalog.js";
import type { OutboundPolicy } from "../outbound/policy.js";
import { urlRefusal } from "../outbound/refusals.js";
import type { TUserError } from "../objects/user-error.js";
import { newWebhookSecret, sealWebhookSecret } from "./secrets.js";

type Writer = PrismaClient | Prisma.TransactionClient;

/** The longest endpoint URL accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2_000;

/**
 * Why `url` cannot be an endpoint: not a URL, not https (unless MSPGRAPH_OUTBOUND_ALLOW names
 * the host), or an address the outbound rules refuse; null when it may be used.
 * @remarks The address a name resolves to is checked again at each delivery.
 */
export function webhookUrlError(policy: OutboundPolicy, url: string): TUserError | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { field: "url", code: "BAD_USER_INPUT", message: "Enter a full URL, e.g. https://example.com/webhooks" };
  }
  if (url.length > MAX_WEBHOOK_URL_LENGTH) return { field: "url", code: "BAD_USER_INPUT", message: `A URL has at most ${MAX_WEBHOOK_URL_LENGTH} characters` };
  if (parsed.username || parsed.password) return { field: "url", code: "BAD_USER_INPUT", message: "Put no user name or password in the URL; verify the signature instead" };
  const refused = urlRefusal(policy, parsed);
  if (!refused) return null;
  return { field: "url", code: "OUTBOUND_NOT_ALLOWED", message: `This URL cannot receive webhooks: ${refused.message}` };
}

/** The event types named that are not in the catalog, as a user error (or null). */
export function webhookEventsError(events: readonly string[]): TUserError | null {
  if (events.length === 0) return { field: "events", code: "BAD_USER_INPUT", message: "Choose at least one event type" };
  const unknown = events.filter((type) => !isDomainEventType(type));
  if (unknown.length === 0) return null;
  return { field: "events", code: "BAD_USER_INPUT", message: `Not an event type: ${unknown.join(", ")}` };
}

/**
 * Registers an endpoint with a new signing secret, stored encrypted.
 * @returns the endpoint's id and the secret, which is never readable again
 */
export async function createWebhookEndpoint(db: Writer, keyRing: KeyRing, input: { partnerId: string; url: string; events: readonly string[]; description: string }): Promise<{ id: string; secret: string }> {
  const id = randomUUID();
  const secret = newWebhookSecret();
  await db.webhookEndpoint.create({
    data: { id, partnerId: input.partnerId, url: input.url, events: [...new Set(input.events)], description: input.description, secretCiphertext: sealWebhookSecret(keyRing, id, secret) },
  });
  return { id, secret };
}

/** Replaces an endpoint's secret at once; deliveries from now on are signed with the new one. */
export async function rotateWebhookSecret(db: Writer, keyRing: KeyRing, endpointId: string): Promise<string> {
  const secret = newWebhookSecret();
  await db.webhookEndpoint.update({ where: { id: endpointId }, data: { secretCiphertext: sealWebhookSecret(keyRing, endpointId, secret) } });
  return secret;
}
