import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type DatabaseConfig, pgliteDirectory } from "./database-config.js";

/** Runs SQL outside Prisma: migrations, health checks, and tests that bypass the ORM on purpose. */
export type SqlRunner = {
  /** Runs one or more statements with no parameters (simple protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with positional parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
};

export type Database = {
  kind: DatabaseConfig["kind"];
  prisma: PrismaClient;
  sql: SqlRunner;
  /** Connections open, idle and waited for (PGlite has exactly one). */
  poolStats(): { total: number; idle: number; waiting: number };
  /** Runs `work` on one connection, for session state such as advisory locks. */
  session<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Hears NOTIFY on `channel` over a dedicated connection (PostgreSQL only: PGlite is one
   * process, which hears its own changes without it), reconnecting after a lost connection.
   * @returns undefined on PGlite; otherwise a handle that stops listening
   */
  listen(channel: string, onNotice: (payload: string) => void): Listener | undefined;
  close(): Promise<void>;
};

/** A LISTEN connection: `ready` resolves once it listens; `close` ends it. */
export type Listener = { ready: Promise<void>; close(): Promise<void> };

export type OpenDatabaseOptions = {
  /** Called with every SQL statement Prisma sends; used to count statements per request. */
  onQuery?: (sql: string) => void;
};

// pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; it
// implements the same interface at runtime.
type AdapterFactory = ConstructorParameters<typeof PrismaClient>[0] extends infer O ? (O extends { adapter?: infer A } ? NonNullable<A> : never) : never;

function createPrisma(adapterFactory: PrismaPg | PrismaPGlite, options: OpenDatabaseOptions): PrismaClient {
  const adapter = adapterFactory as unknown as AdapterFactory;
  if (!options.onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  prisma.$on("query", (event) => onQuery(event.query));
  return prisma;
}

/** Wraps an open PGlite instance (the embedded database, or an in-memory one in tests). */
export function databaseFromPGlite(pglite: PGlite, options: OpenDatabaseOptions = {}): Database {
  const prisma = createPrisma(new PrismaPGlite(pglite), options);
  const sql: SqlRunner = {
    exec: async (text) => {
      await pglite.exec(text);
    },
    query: async <Row>(text: string, params: unknown[] = []) => (await pglite.query<Row>(text, params)).rows,
  };
  return {
    kind: "pglite",
    prisma,
    sql,
    // PGlite has exactly one connection.
    session: (work) => work(sql),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    listen: () => undefined,
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function sqlRunnerFor(target: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    exec: async (text) => {
      await target.query(text);
    },
    query: async <Row>(text: string, params: unknown[] = []) => (await target.query(text, params)).rows as Row[],
  };
}

/** Wraps a PostgreSQL server reached by URL through one shared connection pool. */
export function databaseFromUrl(url: string, options: OpenDatabaseOptions & { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const prisma = createPrisma(new PrismaPg(pool), options);
  return {
    kind: "postgres",
    prisma,
    sql: sqlRunnerFor(pool),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    listen: (channel, onNotice) => listenOn(url, channel, onNotice),
    session: async (work) => {
      const client = await pool.connect();
      try {
        return await work(sqlRunnerFor(client));
      } finally {
        client.release();
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

/** LISTEN on its own client (a pooled one would hand the session to other queries). */
function listenOn(url: string, channel: string, onNotice: (payload: string) => void): Listener {
  let client: pg.Client | undefined;
  let closed = false;
  const retry = () => {
    if (!closed) setTimeout(() => void connect(), 1_000).unref();
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client = next;
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onNotice(message.payload);
    });
    next.on("error", () => {});
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      await next.end().catch(() => {});
      return retry();
    }
    // A lost connection is replaced; what was announced meanwhile is missed, as with any NOTIFY.
    next.once("end", retry);
  };
  const ready = connect();
  return {
    ready,
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}

/** Opens the database the configuration names; the embedded one is created on first use. */
export async function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  if (config.kind === "postgres") return databaseFromUrl(config.url, options);
  mkdirSync(config.dataDir, { recursive: true });
  const pglite = new PGlite(pgliteDirectory(config.dataDir));
  await pglite.waitReady;
  return databaseFromPGlite(pglite, options);
}
