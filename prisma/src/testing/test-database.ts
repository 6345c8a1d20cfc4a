import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { type Database, type OpenDatabaseOptions, databaseFromPGlite, databaseFromUrl } from "../client.js";
import { applyMigrations } from "../migrate.js";
import { TEMPLATE_DATABASE } from "./postgres-global-setup.js";
import { databaseUrl } from "./postgres-server.js";

/** Which database the tests run on: the vitest project sets it (`pglite` or `postgres`). */
export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.MSPGRAPH_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export type TestDatabase = Database & {
  /** A URL for this database, on PostgreSQL only (PGlite has no server). */
  url?: string;
};

/**
 * A fresh, fully migrated, empty database of the project's kind: an in-memory PGlite, or
 * a new database on the run's PostgreSQL server copied from the migrated template.
 * `close()` also drops it.
 */
export async function createTestDatabase(options: OpenDatabaseOptions = {}): Promise<TestDatabase> {
  if (testDatabaseKind() === "pglite") {
    const database = databaseFromPGlite(new PGlite(), options);
    await applyMigrations(database);
    return database;
  }
  const serverUrl = inject("postgresUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = databaseFromUrl(serverUrl, { max: 1 });
  await admin.sql.exec(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  const url = databaseUrl(serverUrl, name);
  const database = databaseFromUrl(url, options);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await admin.sql.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.close();
    },
  };
}
