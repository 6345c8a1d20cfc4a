import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { type OpenDatabaseOptions, databaseFromUrl, seedDemo, seedSampleTickets } from "@mspgraph/db";
import { type TestDatabase, createTestDatabase } from "@mspgraph/db/testing";
import { type AuthConfig, authConfig } from "../auth/auth-config.js";
import { type KeyRing, keyRing } from "../crypto/credential-cipher.js";
import type { IntegrationPlugin } from "../integrations/plugin-contract.js";
import { startEventDispatcher } from "../domain-events/dispatcher.js";
import { coreOutlets } from "../domain-events/outlets.js";
import { DEMO_MAIL, type MailSettings } from "../mail/mail-settings.js";
import { type OutboundPolicy, parseOutboundAllow } from "../outbound/policy.js";
import { createLogger } from "../server/logger.js";
import { type Api, createApi } from "../server/api.js";
import { parseTrustedProxies } from "../server/client-ip.js";
import { type SignedIn, signInThroughMfa, totpCodeFor } from "./mfa-sign-in.js";

export type GraphQLResponse<Data = Record<string, any>> = {
  data?: Data | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, unknown>;
};

export type Subscription = { next(timeoutMs?: number): Promise<GraphQLResponse | "timeout" | "complete">; close(): void };

/**
 * The tests' MSPGRAPH_OUTBOUND_ALLOW: the local vendor servers listen on 127.0.0.1, named as
 * written (so `localhost`, which resolves there too, stays refused). The one place tests set it.
 */
export const TEST_OUTBOUND: OutboundPolicy = parseOutboundAllow("127.0.0.1");

export type TestApi = {
  api: Api;
  /** The outbound allow-list the API runs with; hand it to a worker the test runs itself. */
  outbound: OutboundPolicy;
  database: TestDatabase;
  auth: AuthConfig;
  keyRing: KeyRing;
  auditKey: Uint8Array;
  /** Every log line the API wrote, as JSON text (level debug and up). */
  logs: string[];
  /**
   * Runs one GraphQL operation, optionally as the holder of `token`, from `remoteAddress`
   * (the socket peer the API would see; none by default).
   */
  gql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string; headers?: Record<string, string>; remoteAddress?: string }): Promise<GraphQLResponse<Data> & { status: number }>;
  /**
   * Opens a subscription over server-sent events; `next()` waits for the next message
   * (a GraphQL result), `close()` ends it.
   */
  subscribe(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<Subscription>;
  /**
   * Signs a demo account in (staff or client flow chosen by the account) and returns its access token,
   * through the second factor where the account needs one (see signIn).
   */
  tokenFor(email: string): Promise<string>;
  /**
   * Signs in afresh as a person would, with the demo password unless given: through verifyMfa with the
   * authenticator's code when the account has one, enrolling first when MFA is required but not set up.
   */
  signIn(email: string, password?: string): Promise<SignedIn>;
  /** A code of the account's authenticator that the API has not accepted yet. */
  totpCodeFor(email: string): Promise<string>;
  close(): Promise<void>;
};

const STAFF_DOMAINS = ["mspgraph.test", "northwind-msp.test", "contoso-it.test"];
export const isStaffEmail = (email: string) => STAFF_DOMAINS.some((domain) => email.endsWith(`@${domain}`)) || /@scale-\d+\.test$/.test(email);

/** Fresh signing, encryption and audit keys for one test API. */
export function testSecrets(): { auth: AuthConfig; keyRing: KeyRing; auditKey: Uint8Array } {
  return { auth: authConfig(randomBytes(32)), keyRing: keyRing("test", { test: randomBytes(32) }), auditKey: randomBytes(32) };
}

export type TestApiOptions = {
  /** false: an empty database (no demo tenants, no sample tickets). */
  seed?: boolean;
  database?: OpenDatabaseOptions;
  logLevel?: "debug" | "info" | "warn" | "error";
  /** The plugins the API serves (none by default: the core alone). */
  plugins?: readonly IntegrationPlugin[];
  /** Defaults to TEST_OUTBOUND. */
  outbound?: OutboundPolicy;
  /** MSPGRAPH_TRUSTED_PROXIES for this API (nobody by default). */
  trustedProxies?: string;
  /** How often subscriptions re-check their caller's session (the API's default unless set). */
  sessionCheckIntervalMs?: number;
  /** The API's mail settings (the embedded demo's, no SMTP, unless set). */
  mail?: Partial<MailSettings>;
  /**
   * A second API instance over `first`'s PostgreSQL database, with its own connections and
   * the same keys (as instances behind one proxy run); nothing is seeded again.
   */
  sameDatabaseAs?: TestApi;
  /** Runs the event dispatcher with the core outlets, as the API process does (off unless set). */
  dispatchEvents?: { intervalMs?: number };
};

/** The test database: a fresh one, or another connection pool on `first`'s. */
async function testDatabaseFor(options: TestApiOptions): Promise<TestDatabase> {
  const first = options.sameDatabaseAs;
  if (!first) return createTestDatabase(options.database);
  if (!first.database.url) throw new Error("two API instances need a PostgreSQL server: run this test in the postgres project");
  return { ...databaseFromUrl(first.database.url, options.database), url: first.database.url };
}

/**
 * The API over a fresh test database (PGlite or PostgreSQL, as the vitest project says),
 * seeded with what `npm start` writes (the demo data and sample tickets) unless `seed: false`. Requests go through `api.fetch`, no network.
 */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const database = await testDatabaseFor(options);
  if (options.seed !== false && !options.sameDatabaseAs) {
    await seedDemo(database.prisma);
    await seedSampleTickets(database.prisma);
  }
  const { auth, keyRing: ring, auditKey } = options.sameDatabaseAs ?? testSecrets();
  const logs: string[] = [];
  const destination = { write: (line: string) => void logs.push(line) };
  const logger = createLogger({ level: options.logLevel ?? "debug", destination });
  const outbound = options.outbound ?? TEST_OUTBOUND;
  const api = createApi({
    database,
    auth,
    keyRing: ring,
    auditKey,
    outbound,
    plugins: options.plugins ?? [],
    logger,
    trustedProxies: parseTrustedProxies(options.trustedProxies),
    mail: { ...DEMO_MAIL, ...options.mail },
    ...(options.sessionCheckIntervalMs ? { sessionCheckIntervalMs: options.sessionCheckIntervalMs } : {}),
  });
  await api.ready();
  const dispatcher = options.dispatchEvents
    ? startEventDispatcher({ database, logger, outlets: coreOutlets({ database, keyRing: ring, events: api.events, logger }), ...options.dispatchEvents })
    : undefined;
  const close = async () => {
    await dispatcher?.stop();
    await api.close();
    await database.close();
  };
  const tokens = new Map<string, string>();

  const gql: TestApi["gql"] = async (query, variables, requestOptions = {}) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...requestOptions.headers };
    if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
    const response = await api.fetch(new Request("http://test/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) }), { remoteAddress: requestOptions.remoteAddress });
    return { status: response.status, ...((await response.json()) as GraphQLResponse<any>) };
  };

  const signIn = (email: string, password?: string) => signInThroughMfa({ gql, database, keyRing: ring }, { email, portal: !isStaffEmail(email), ...(password ? { password } : {}) });
  const tokenFor = async (email: string) => {
    const cached = tokens.get(email);
    if (cached) return cached;
    const { accessToken } = await signIn(email);
    tokens.set(email, accessToken);
    return accessToken;
  };

  const subscribe: TestApi["subscribe"] = async (query, variables, requestOptions = {}) => {
    const controller = new AbortController();
    const headers: Record<string, string> = { "content-type": "application/json", accept: "text/event-stream" };
    if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
    const response = await api.fetch(new Request("http://test/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }), signal: controller.signal }));
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    // Reading starts the server's side of the stream (yoga runs subscribe when pulled).
    let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = reader.read();
    const next = async (timeoutMs = 2000): Promise<GraphQLResponse | "timeout" | "complete"> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: complete/m.test(message)) return "complete";
          const data = message.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
          if (data) return JSON.parse(data) as GraphQLResponse;
          continue;
        }
        pending ??= reader.read();
        const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now())));
        const chunk = await Promise.race([pending, timer]);
        if (chunk === "timeout") return "timeout";
        pending = null;
        if (chunk.done) return "complete";
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    };
    return { next, close: () => controller.abort() };
  };

  return { api, outbound, database, auth, keyRing: ring, auditKey, logs, gql, subscribe, tokenFor, signIn, totpCodeFor: (email) => totpCodeFor({ database, keyRing: ring }, email), close };
}

export { totpCode } from "../auth/totp.js";
export { seededRandom } from "./seeded-random.js";

/** A node's global id, as the API shows it. */
export const gid = (typename: string, id: string) => encodeGlobalID(typename, id);

/** The first error's `extensions.code` of a response, if any. */
export const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

/** Serves `api` over a real socket on 127.0.0.1 and a free port (for what `api.fetch` cannot show: sockets, streaming bodies). */
export async function serveOverSocket(api: Api): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(api.handleNode);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
