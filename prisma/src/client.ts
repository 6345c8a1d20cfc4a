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
  close(): Promise<void>;
};

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

/** Opens the database the configuration names; the embedded one is created on first use. */
export async function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  if (config.kind === "postgres") return databaseFromUrl(config.url, options);
  mkdirSync(config.dataDir, { recursive: true });
  const pglite = new PGlite(pgliteDirectory(config.dataDir));
  await pglite.waitReady;
  return databaseFromPGlite(pglite, options);
}
