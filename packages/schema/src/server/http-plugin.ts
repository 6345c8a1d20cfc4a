import type { Database } from "@mspgraph/db";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { handleWebhook } from "../integrations/webhooks.js";
import type { IntegrationPlugin } from "../integrations/plugin-contract.js";
import type { Plugin } from "graphql-yoga";
import { healthResponse } from "./health.js";
import { limitBody, payloadTooLarge, wentOverLimit } from "./limits/body-limit.js";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import { currentRequestId } from "./request-scope.js";

const ROUTES = new Set(["/graphql", "/healthz", "/readyz", "/metrics"]);

/**
 * The path as a log line may show it: a webhook URL's last part is its secret
 * (`/webhooks/<plugin>/<connection>/<secret>`), so everything after the connection is redacted.
 */
export function loggedPath(pathname: string): string {
  if (!pathname.startsWith("/webhooks/")) return pathname;
  const parts = pathname.split("/");
  return parts.length > 4 ? [...parts.slice(0, 4), "[redacted]"].join("/") : pathname;
}

/** Health, metrics, webhooks, the body limit, and one log line and metric sample per request. */
export function httpPlugin(options: { database: Database; plugins: readonly IntegrationPlugin[]; keyRing: KeyRing; logger: Logger; metrics: Metrics }): Plugin {
  const { database, metrics } = options;
  const started = new WeakMap<Request, number>();
  return {
    onRequest: async ({ request: incoming, url, endResponse, setRequest, fetchAPI }) => {
      const request = limitBody(incoming, fetchAPI);
      if (request instanceof Response) return endResponse(request);
      setRequest(request);
      started.set(request, performance.now());
      const health = await healthResponse(url.pathname, database);
      if (health) return endResponse(health);
      const webhook = await handleWebhook({ request, pathname: url.pathname, database, plugins: options.plugins, keyRing: options.keyRing }).catch((error: unknown) => {
        if (wentOverLimit(request)) return payloadTooLarge();
        throw error;
      });
      if (webhook) return endResponse(webhook);
      if (url.pathname === "/metrics") {
        return endResponse(new Response(await metrics.registry.metrics(), { headers: { "content-type": metrics.registry.contentType } }));
      }
    },
    onResponse: ({ request, response, setResponse }) => {
      // GraphQL's body parser only saw a stream that failed; the caller learns why.
      if (wentOverLimit(request)) setResponse((response = payloadTooLarge()));
      const requestId = currentRequestId();
      if (requestId) response.headers.set("x-request-id", requestId);
      const path = new URL(request.url).pathname;
      metrics.requests.inc({ route: ROUTES.has(path) ? path : "other", status: String(response.status) });
      const ms = performance.now() - (started.get(request) ?? performance.now());
      options.logger.info({ method: request.method, path: loggedPath(path), status: response.status, ms: Math.round(ms * 10) / 10 }, "request");
    },
  };
}
