import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** One request the receiver got: its headers, body and what it answered. */
export type ReceivedWebhook = { id: string; at: number; headers: Record<string, string>; body: string; verified: boolean; answered: number };

export type TestWebhookReceiver = {
  /** The endpoint URL (http on 127.0.0.1, which TEST_OUTBOUND allows). */
  url: string;
  /** Every request, oldest first. */
  requests: ReceivedWebhook[];
  /** The payloads processed, once per `webhook-id` (later copies are deduplicated, not processed). */
  processed: Map<string, unknown>;
  /** Requests for a `webhook-id` already processed after a 2xx answer. */
  duplicates: number;
  /** Requests whose signature the reference library refused. */
  badSignatures: number;
  /** The secret it verifies with (set it after creating the endpoint). */
  secret: string;
  close(): Promise<void>;
};

/**
 * A receiver as an integrator would write it: verifies each request with the Standard Webhooks
 * reference library (`standardwebhooks`'s Webhook class), answers 400 to a bad signature,
 * `fail(request)` decides which attempts get a 503, and processes each `webhook-id` once.
 */
export async function startWebhookReceiver(options: { fail?: (id: string) => boolean; delayMs?: number } = {}): Promise<TestWebhookReceiver> {
  const receiver: TestWebhookReceiver = { url: "", requests: [], processed: new Map(), duplicates: 0, badSignatures: 0, secret: "", close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      const id = headers["webhook-id"] ?? "";
      const answer = (status: number, verified: boolean) => {
        receiver.requests.push({ id, at: Date.now(), headers, body, verified, answered: status });
        const send = () => res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "try again later");
        if (options.delayMs) setTimeout(send, options.delayMs);
        else send();
      };
      let payload: unknown;
      try {
        payload = new Webhook(receiver.secret).verify(body, headers);
      } catch {
        receiver.badSignatures++;
        return answer(400, false);
      }
      if (options.fail?.(id)) return answer(503, true);
      if (receiver.processed.has(id)) receiver.duplicates++;
      else receiver.processed.set(id, payload);
      answer(200, true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
