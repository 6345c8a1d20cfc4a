import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, type OpenDatabaseOptions, seedDemo } from "@mspgraph/db";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { type AuthConfig, authConfig } from "@mspgraph/schema";
import { createLogger } from "../logger.js";
import { type Api, createApi } from "../yoga.js";

export type GraphQLResponse<Data = Record<string, any>> = {
  data?: Data | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, unknown>;
};

export type TestApi = {
  api: Api;
  database: TestDatabase;
  auth: AuthConfig;
  /** Every log line the API wrote, as JSON text (level debug and up). */
  logs: string[];
  /** Runs one GraphQL operation, optionally as the holder of `token`. */
  gql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string; headers?: Record<string, string> }): Promise<GraphQLResponse<Data> & { status: number }>;
  /** Signs a demo account in (staff or client flow chosen by the account) and returns its access token. */
  tokenFor(email: string): Promise<string>;
  close(): Promise<void>;
};

const STAFF_DOMAINS = ["mspgraph.test", "northwind-msp.test", "contoso-it.test"];
export const isStaffEmail = (email: string) => STAFF_DOMAINS.some((domain) => email.endsWith(`@${domain}`)) || /@scale-\d+\.test$/.test(email);

/**
 * The API over a fresh test database (PGlite or PostgreSQL, as the vitest project says),
 * seeded with the demo data unless `seed: false`. Requests go through `api.fetch`, no network.
 */
export async function createTestApi(options: { seed?: boolean; database?: OpenDatabaseOptions; logLevel?: "debug" | "info" | "warn" | "error" } = {}): Promise<TestApi> {
  const database = await createTestDatabase(options.database);
  if (options.seed !== false) await seedDemo(database.prisma);
  const auth = authConfig(randomBytes(32));
  const logs: string[] = [];
  const destination = { write: (line: string) => void logs.push(line) };
  const api = createApi({ database, auth, logger: createLogger({ level: options.logLevel ?? "debug", destination }) });
  const tokens = new Map<string, string>();

  const gql: TestApi["gql"] = async (query, variables, requestOptions = {}) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...requestOptions.headers };
    if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
    const response = await api.fetch(new Request("http://test/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) }));
    return { status: response.status, ...((await response.json()) as GraphQLResponse<any>) };
  };

  const tokenFor = async (email: string) => {
    const cached = tokens.get(email);
    if (cached) return cached;
    const field = isStaffEmail(email) ? "login" : "clientLogin";
    const result = await gql(`mutation ($input: LoginInput!) { ${field}(input: $input) { accessToken userErrors { message } } }`, {
      input: { email, password: DEMO_PASSWORD },
    });
    const token = result.data?.[field]?.accessToken as string | undefined;
    if (!token) throw new Error(`could not sign in ${email}: ${JSON.stringify(result)}`);
    tokens.set(email, token);
    return token;
  };

  return { api, database, auth, logs, gql, tokenFor, close: () => database.close() };
}
