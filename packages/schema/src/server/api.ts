import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@mspgraph/db";
import type { AuthConfig } from "../auth/auth-config.js";
import { type GraphQLContext, createRequestContext } from "../context.js";
import type { KeyRing } from "../crypto/credential-cipher.js";
import { EventBus } from "../events.js";
import type { IntegrationPlugin } from "../integrations/plugin-contract.js";
import { DEMO_MAIL, type MailSettings } from "../mail/mail-settings.js";
import { type OutboundPolicy, STRICT_OUTBOUND } from "../outbound/policy.js";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { type GraphQLError, type GraphQLSchema, getOperationAST } from "graphql";
import { type Plugin, createYoga } from "graphql-yoga";
import { composeSchema } from "./compose.js";
import { createErrorMasker, isClientError } from "./error-masking.js";
import { anonymousAccessPlugin } from "./anonymous-access.js";
import { type TrustedProxies, clientAddress, parseTrustedProxies } from "./client-ip.js";
import { httpPlugin } from "./http-plugin.js";
import { unpagedConnectionError } from "../connection-args.js";
import { armorPlugins } from "./limits/armor.js";
import { headerLimitPlugin } from "./limits/headers.js";
import { inputGuardPlugin } from "./limits/input-guard.js";
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
  /** The hourly point budget per user or key (callers without a session spend none). */
  hourlyBudget?: number;
  /** Whose X-Forwarded-For counts (MSPGRAPH_TRUSTED_PROXIES); nobody's by default. */
  trustedProxies?: TrustedProxies;
  /** Encrypts stored integration credentials. */
  keyRing: KeyRing;
  /** What integrations may reach besides public https addresses (MSPGRAPH_OUTBOUND_ALLOW); strict when omitted. */
  outbound?: OutboundPolicy;
  /** Keys the audit trail's hash chains; held outside the database (MSPGRAPH_AUDIT_KEY). */
  auditKey: Uint8Array;
  /** Where mail links point and whether SMTP delivers mail (the embedded demo's when omitted). */
  mail?: MailSettings;
  /** The plugins to serve (apps/api passes its registry's). */
  plugins: readonly IntegrationPlugin[];
  /** How often live subscriptions re-check their caller's session (default 5 s). */
  sessionCheckIntervalMs?: number;
  /** Bench only: the same API without shield rules, to measure what authorization costs. */
  schema?: GraphQLSchema;
};

/** At most this many operations in one batched request. */
export const MAX_BATCH = 10;

export type Api = {
  /**
   * Handles one request (tests call this with no network). `remoteAddress` stands for the
   * socket's peer, which decides the client's address as it would over a socket.
   */
  fetch(request: Request, connection?: { remoteAddress?: string }): Promise<Response>;
  /** The same, for node:http's server. */
  handleNode(req: IncomingMessage, res: ServerResponse): void;
  events: EventBus;
  metrics: Metrics;
  /** Resolves once live updates from other instances are heard. */
  ready(): Promise<void>;
  /** Stops hearing other instances (the database itself stays open). */
  close(): Promise<void>;
};

// node:http's adapter puts its request here; `fetch` callers may name a peer address instead.
type ServerContext = { req?: IncomingMessage; remoteAddress?: string };

/** The API: GraphQL at /graphql, health at /healthz and /readyz, metrics at /metrics, each request with an id. */
export function createApi(options: ApiOptions): Api {
  const events = new EventBus(options.database);
  const metrics = createMetrics(options.database);
  const yoga = createYogaServer(options, events, metrics);
  return {
    events,
    metrics,
    ready: () => events.ready(),
    close: () => events.close(),
    fetch: (request, connection = {}) =>
      runInRequestScope(request.headers.get("x-request-id"), () => Promise.resolve(yoga.fetch(request, { remoteAddress: connection.remoteAddress }))),
    handleNode: (req, res) => {
      const header = req.headers["x-request-id"];
      runInRequestScope(Array.isArray(header) ? header[0] : header, () => yoga(req, res));
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
      const { cost, unpaged } = queryCost({ schema: args.schema, document: args.document, variables: (args.variableValues ?? {}) as Record<string, unknown>, operationName: args.operationName });
      if (unpaged.length > 0) {
        endTimer();
        return setResultAndStopExecution({ errors: unpaged.map(unpagedConnectionError) });
      }
      if (cost > MAX_QUERY_COST) {
        endTimer();
        return setResultAndStopExecution({
          errors: [{ message: `This query would cost ${cost} points; one query may cost at most ${MAX_QUERY_COST}. Ask for smaller pages.`, extensions: { code: "QUERY_TOO_COMPLEX", cost, maxCost: MAX_QUERY_COST } } as unknown as GraphQLError],
        });
      }
      const key = budgetKey(context.principal);
      const { allowed, state } = key ? await spendBudget(options.database, key, cost, limit) : { allowed: true, state: undefined };
      context.rateLimit = state;
      const extensions = state ? { cost: { requestedQueryCost: cost, limit: state.limit, remaining: state.remaining, resetAt: state.resetAt.toISOString() } } : {};
      if (!allowed && state) {
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
  const trustedProxies = options.trustedProxies ?? parseTrustedProxies("");

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
    context: ({ request, req, remoteAddress }): Promise<GraphQLContext> =>
      createRequestContext({
        database,
        auth: options.auth,
        authorization: request.headers.get("authorization"),
        request: {
          ip: clientAddress({ remoteAddress: req?.socket.remoteAddress ?? remoteAddress, forwardedFor: request.headers.get("x-forwarded-for"), trusted: trustedProxies }),
          userAgent: request.headers.get("user-agent") ?? "",
        },
        requestId: currentRequestId() ?? randomUUID(),
        events,
        plugins: options.plugins,
        keyRing: options.keyRing,
        outbound: options.outbound ?? STRICT_OUTBOUND,
        auditKey: options.auditKey,
        logger,
        mail: options.mail ?? DEMO_MAIL,
        ...(options.sessionCheckIntervalMs ? { sessionCheckIntervalMs: options.sessionCheckIntervalMs } : {}),
      }),
    plugins: [
      headerLimitPlugin(),
      httpPlugin({ ...options, metrics }),
      // In production the schema is not shown to callers without a session.
      useDisableIntrospection({ isDisabled: (request) => production && !request.headers.get("authorization") }),
      ...armorPlugins({ production }),
      inputGuardPlugin(),
      budgetPlugin(options, metrics),
      // A caller without a session spends no budget (see budgetKey) and may only sign in.
      anonymousAccessPlugin({ production }),
    ],
  });
}
