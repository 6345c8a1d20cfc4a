import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database, SqlRunner } from "./client.js";

export const migrationsDirectory = path.resolve(import.meta.dirname, "..", "migrations");

// The lock key Prisma's own migrate uses, so this and `prisma migrate deploy` never overlap.
const MIGRATION_LOCK_KEY = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

let committed: Migration[] | undefined;

/**
 * The committed migrations, read once per process: `/readyz` compares against them on
 * every probe, and they change only with a new deployment.
 */
export function committedMigrations(): Migration[] {
  return (committed ??= readMigrations());
}

/** The migrations in `directory`, oldest first. */
export function readMigrations(directory = migrationsDirectory): Migration[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(directory, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string };

/**
 * Applies the committed migrations that have not run yet, each in its own transaction.
 * @remarks Keeps Prisma's `_prisma_migrations` history table, so `prisma migrate deploy`
 * and `prisma migrate status` agree with it. A migration whose file changed after it was
 * applied stops the run: the history must not be rewritten.
 * @returns the names of the migrations it applied
 */
export function applyMigrations(database: Database, migrations = committedMigrations()): Promise<string[]> {
  return database.session((sql) => applyMigrationsOnSession(sql, migrations));
}

async function applyMigrationsOnSession(sql: SqlRunner, migrations: Migration[]): Promise<string[]> {
  await sql.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await sql.exec(CREATE_HISTORY_TABLE);
    const applied = await sql.query<AppliedRow>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const appliedByName = new Map(applied.map((row) => [row.migration_name, row.checksum]));
    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = appliedByName.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied`);
        }
        continue;
      }
      await sql.exec(`BEGIN;\n${migration.sql}\n;COMMIT;`).catch(async (error: unknown) => {
        await sql.exec("ROLLBACK").catch(() => {});
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      });
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      done.push(migration.name);
    }
    return done;
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

/** Names of committed migrations the database has not applied (empty when up to date). */
export async function pendingMigrations(sql: SqlRunner, migrations = committedMigrations()): Promise<string[]> {
  const [table] = await sql.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
  if (!table?.exists) return migrations.map((m) => m.name);
  const rows = await sql.query<AppliedRow>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
}
