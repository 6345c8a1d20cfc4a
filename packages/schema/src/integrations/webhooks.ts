import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { enqueueEvent } from "./event-queue.js";
import type { IntegrationPlugin } from "./plugin-contract.js";
import { decryptWebhookSecret } from "./connections.js";

const MAX_WEBHOOK_BYTES = 512 * 1024;
const ROUTE = /^\/webhooks\/([a-z][a-z0-9-]*)\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{20,100})$/;

const answer = (status: number, body: Record<string, unknown>) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function sameSecret(a: string, b: string): boolean {
  const [x, y] = [createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest()];
  return timingSafeEqual(x, y);
}

/**
 * `POST /webhooks/<pluginId>/<connectionId>/<secret>`: stores the delivery, then answers 202.
 * A repeated delivery (same provider event id) answers 200 and is not stored again. The body
 * is never trusted: plugins re-fetch what it names.
 */
export async function handleWebhook(options: { request: Request; pathname: string; database: Database; plugins: readonly IntegrationPlugin[]; keyRing: KeyRing }): Promise<Response | undefined> {
  const match = ROUTE.exec(options.pathname);
  if (!match) return options.pathname.startsWith("/webhooks/") ? answer(404, { error: "not found" }) : undefined;
  const [, pluginId, connectionId, secret] = match as unknown as [string, string, string, string];
  if (options.request.method !== "POST") return answer(405, { error: "use POST" });
  const plugin = options.plugins.find((p) => p.id === pluginId);
  const connection = await options.database.prisma.integrationConnection.findUnique({ where: { id: connectionId } });
  const expected = connection?.pluginId === pluginId ? decryptWebhookSecret({ keyRing: options.keyRing }, connection) : null;
  // The same answer for every wrong part, so the URL cannot be probed piece by piece.
  if (!plugin?.webhook || !connection || !expected || !sameSecret(expected, secret)) return answer(404, { error: "not found" });
  const text = await options.request.text();
  if (Buffer.byteLength(text) > MAX_WEBHOOK_BYTES) return answer(413, { error: "payload too large" });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer(400, { error: "the body must be JSON" });
  }
  const providerEventId = plugin.webhook.eventId?.(body) ?? `sha256:${createHash("sha256").update(text).digest("hex")}`;
  const stored = await enqueueEvent(options.database.prisma, { partnerId: connection.partnerId, connectionId, pluginId, kind: "webhook", providerEventId, payload: body });
  return stored ? answer(202, { accepted: true }) : answer(200, { accepted: true, duplicate: true });
}
