import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@mspgraph/db";
import { type AuthConfig, type GraphQLContext, createRequestContext } from "@mspgraph/schema";
import { createYoga } from "graphql-yoga";
import { composeSchema } from "./composed-schema.js";
import { createErrorMasker } from "./errors.js";
import { healthResponse } from "./health.js";
import type { Logger } from "./logger.js";
import { currentRequestId, runInRequestScope } from "./request-scope.js";

export type ApiOptions = {
  database: Database;
  auth: AuthConfig;
  logger: Logger;
  production?: boolean;
};

type ServerContext = { requestId?: string };

function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

export type Api = {
  /** Handles one request (tests call this with no network). */
  fetch(request: Request): Promise<Response>;
  /** The same, for node:http's server. */
  handleNode(req: IncomingMessage, res: ServerResponse): void;
};

/** The API: GraphQL at /graphql, health at /healthz and /readyz, each request with an id. */
export function createApi(options: ApiOptions): Api {
  const yoga = createYogaServer(options);
  return {
    fetch: (request) => runInRequestScope(request.headers.get("x-request-id"), () => Promise.resolve(yoga.fetch(request))),
    handleNode: (req, res) => {
      const header = req.headers["x-request-id"];
      runInRequestScope(Array.isArray(header) ? header[0] : header, () => yoga(req, res));
    },
  };
}

function createYogaServer(options: ApiOptions) {
  const { database, logger } = options;
  const maskError = createErrorMasker(logger);
  const schema = composeSchema();

  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: !options.production && { title: "mspgraph API" },
    landingPage: false,
    logging: {
      debug: (...args) => logger.debug({ args }, "yoga"),
      info: (...args) => logger.info({ args }, "yoga"),
      warn: (...args) => logger.warn({ args }, "yoga"),
      error: (...args) => logger.error({ args }, "yoga"),
    },
    maskedErrors: {
      maskError: (error, message) => maskError(error, message, currentRequestId()),
    },
    context: ({ request }): Promise<GraphQLContext> =>
      createRequestContext({
        database,
        auth: options.auth,
        authorization: request.headers.get("authorization"),
        request: { ip: clientIp(request), userAgent: request.headers.get("user-agent") ?? "" },
        requestId: currentRequestId() ?? randomUUID(),
      }),
    plugins: [
      {
        onRequest: async ({ url, endResponse }) => {
          const health = await healthResponse(url.pathname, database);
          if (health) endResponse(health);
        },
        onResponse: ({ response }) => {
          const requestId = currentRequestId();
          if (requestId) response.headers.set("x-request-id", requestId);
        },
      },
    ],
  });
}
