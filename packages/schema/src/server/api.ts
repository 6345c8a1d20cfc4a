import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@mspgraph/db";
import type { AuthConfig } from "../auth/auth-config.js";
import { type GraphQLContext, createRequestContext } from "../context.js";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { EventBus } from "../events.js";
import type { IntegrationPlugin } from "../integrations/plugin-contract.js";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { type GraphQLError, type GraphQLSchema, getOperationAST } from "graphql";
import { type Plugin, createYoga } from "graphql-yoga";
import { composeSchema } from "./compose.js";
import { createErrorMasker, isClientError } from "./error-masking.js";
import { healthResponse } from "./health.js";
import { handleWebhook } from "../integrations/webhooks.js";
import { armorPlugins } from "./limits/armor.js";
import { HOURLY_BUDGET, budgetKey, spendBudget } from "./limits/budget.js";
import { MAX_QUERY_COST, queryCost } from "./limits/query-cost.js";
import type { Logger } from "./logger.js";
import { type Metrics, createMetrics } from "./metrics.js";
import { currentRequestId, runInRequestScope } from "./request-scope.js";

export type ApiOptions = {
  database: Database;
  auth: AuthConfig;
  logger: Logger;
  production?: boolean;
  /** The hourly point budget per user, key or anonymous address. */
  hourlyBudget?: number;
  /** Encrypts stored integration credentials. */
  keyRing: KeyRing;
  /** Keys the audit trail's hash chains; held outside the database (MSPGRAPH_AUDIT_KEY). */
  auditKey: Uint8Array;
  /** The plugins to serve (apps/api passes its registry's). */
  plugins: readonly IntegrationPlugin[];
  /** Bench only: the same API without shield rules, to measure what authorization costs. */
  schema?: GraphQLSchema;
};

/** Request bodies larger than this are refused before parsing. */
export const MAX_BODY_BYTES = 1_000_000;
/** At most this many operations in one batched request. */
export const MAX_BATCH = 10;

export type Api = {
  /** Handles one request (tests call this with no network). */
  fetch(request: Request): Promise<Response>;
  /** The same, for node:http's server. */
  handleNode(req: IncomingMessage, res: ServerResponse): void;
  events: EventBus;
  metrics: Metrics;
};

type ServerContext = { requestId?: string };

function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/** The API: GraphQL at /graphql, health at /healthz and /readyz, metrics at /metrics, each request with an id. */
export function createApi(options: ApiOptions): Api {
  const events = new EventBus();
  const metrics = createMetrics(options.database);
  const yoga = createYogaServer(options, events, metrics);
  return {
    events,
    metrics,
    fetch: (request) => runInRequestScope(request.headers.get("x-request-id"), () => Promise.resolve(yoga.fetch(request))),
    handleNode: (req, res) => {
      const header = req.headers["x-request-id"];
      runInRequestScope(Array.isArray(header) ? header[0] : header, () => yoga(req, res));
    },
  };
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** Health, metrics, webhooks, request size, and one log line and metric sample per request. */
function httpPlugin(options: ApiOptions, metrics: Metrics): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest: async ({ request, url, endResponse }) => {
      started.set(request, performance.now());
      const health = await healthResponse(url.pathname, options.database);
      if (health) return endResponse(health);
      const webhook = await handleWebhook({ request, pathname: url.pathname, database: options.database, plugins: options.plugins, keyRing: options.keyRing });
      if (webhook) return endResponse(webhook);
      if (url.pathname === "/metrics") {
        return endResponse(new Response(await metrics.registry.metrics(), { headers: { "content-type": metrics.registry.contentType } }));
      }
      const length = Number(request.headers.get("content-length") ?? 0);
      if (length > MAX_BODY_BYTES) {
        endResponse(json({ errors: [{ message: `Request body over ${MAX_BODY_BYTES} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] }, 413));
      }
    },
    onResponse: ({ request, response }) => {
      const requestId = currentRequestId();
      if (requestId) response.headers.set("x-request-id", requestId);
      const route = new URL(request.url).pathname;
      metrics.requests.inc({ route: ["/graphql", "/healthz", "/readyz", "/metrics"].includes(route) ? route : "other", status: String(response.status) });
      const ms = performance.now() - (started.get(request) ?? performance.now());
      options.logger.info({ method: request.method, path: route, status: response.status, ms: Math.round(ms * 10) / 10 }, "request");
    },
  };
}

/** Spends the query's cost from the caller's budget before it runs; reports it in extensions.cost. */
function budgetPlugin(options: ApiOptions, metrics: Metrics): Plugin<GraphQLContext> {
  const limit = options.hourlyBudget ?? HOURLY_BUDGET;
  return {
    onExecute: async ({ args, setResultAndStopExecution }) => {
      const context = args.contextValue;
      const operation = getOperationAST(args.document, args.operationName)?.operation ?? "query";
      const endTimer = metrics.duration.startTimer({ operation });
      const cost = queryCost(args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName);
      if (cost > MAX_QUERY_COST) {
        endTimer();
        return setResultAndStopExecution({
          errors: [{ message: `This query would cost ${cost} points; one query may cost at most ${MAX_QUERY_COST}. Ask for smaller pages.`, extensions: { code: "QUERY_TOO_COMPLEX", cost, maxCost: MAX_QUERY_COST } } as unknown as GraphQLError],
        });
      }
      const { allowed, state } = await spendBudget(options.database, budgetKey(context.principal, context.request.ip), cost, limit);
      context.rateLimit = state;
      const extensions = { cost: { requestedQueryCost: cost, limit: state.limit, remaining: state.remaining, resetAt: state.resetAt.toISOString() } };
      if (!allowed) {
        const retryAfter = Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
        setResultAndStopExecution({
          errors: [
            {
              message: `Query budget exhausted: this query costs ${cost} of ${state.remaining} points left; the budget refills at ${state.resetAt.toISOString()}`,
              extensions: { code: "RATE_LIMITED", retryAfterSeconds: retryAfter, http: { status: 429, headers: { "Retry-After": String(retryAfter) } } },
            } as unknown as GraphQLError,
          ],
          extensions,
        });
      }
      return {
        onExecuteDone: ({ result, setResult }) => {
          endTimer();
          if (!("errors" in result) && !("data" in result)) return;
          for (const error of result.errors ?? []) metrics.errors.inc({ code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
          setResult({ ...result, extensions: { ...result.extensions, ...extensions } });
        },
      };
    },
  };
}

function createYogaServer(options: ApiOptions, events: EventBus, metrics: Metrics) {
  const { database, logger } = options;
  const maskError = createErrorMasker(logger);
  const production = Boolean(options.production);

  return createYoga<ServerContext, GraphQLContext>({
    schema: options.schema ?? composeSchema({ plugins: options.plugins }),
    graphqlEndpoint: "/graphql",
    graphiql: !production && { title: "mspgraph API" },
    landingPage: false,
    batching: { limit: MAX_BATCH },
    logging: {
      debug: (...args) => logger.debug({ args }, "yoga"),
      info: (...args) => logger.info({ args }, "yoga"),
      warn: (...args) => logger.warn({ args }, "yoga"),
      // A refused field or bad input is the caller's doing: kept out of the error level.
      error: (...args) => (args.length > 0 && args.every(isClientError) ? logger.debug({ args }, "yoga") : logger.error({ args }, "yoga")),
    },
    maskedErrors: { maskError: (error, message) => maskError(error, message, currentRequestId()) },
    context: ({ request }): Promise<GraphQLContext> =>
      createRequestContext({
        database,
        auth: options.auth,
        authorization: request.headers.get("authorization"),
        request: { ip: clientIp(request), userAgent: request.headers.get("user-agent") ?? "" },
        requestId: currentRequestId() ?? randomUUID(),
        events,
        plugins: options.plugins,
        keyRing: options.keyRing,
        auditKey: options.auditKey,
        logger,
      }),
    plugins: [
      httpPlugin(options, metrics),
      // In production the schema is not shown to callers without a session.
      useDisableIntrospection({ isDisabled: (request) => production && !request.headers.get("authorization") }),
      ...armorPlugins({ production }),
      budgetPlugin(options, metrics),
    ],
  });
}
