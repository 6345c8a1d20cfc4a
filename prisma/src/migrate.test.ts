import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, migrationsDirectory, pendingMigrations, readMigrations } from "./migrate.js";
import { type TestDatabase, createTestDatabase } from "./testing/index.js";

const TENANT_TABLES = ["Partner", "Client", "StaffUser", "ClientUser", "Site", "Agent", "Alert", "Document"];

describe("migrations", () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("apply from empty and record every migration in Prisma's history table", async () => {
    database = await createTestDatabase();
    const tables = await database.sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining([...TENANT_TABLES, "_prisma_migrations"]));
    const history = await database.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(history.map((h) => h.migration_name)).toEqual(readMigrations().map((m) => m.name));
    expect(await pendingMigrations(database.sql)).toEqual([]);
  });

  it("apply nothing the second time", async () => {
    database = await createTestDatabase();
    expect(await applyMigrations(database)).toEqual([]);
  });

  it("refuse to run when an applied migration's file was edited", async () => {
    database = await createTestDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), "mspgraph-migrations-"));
    try {
      cpSync(migrationsDirectory, dir, { recursive: true });
      const first = readMigrations(dir)[0]!;
      writeFileSync(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited`);
      await expect(applyMigrations(database, readMigrations(dir))).rejects.toThrow(/was changed after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("roll back a failing migration whole and leave it pending", async () => {
    database = await createTestDatabase();
    const broken = { name: "29990101000000_broken", sql: `CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";`, checksum: "x" };
    await expect(applyMigrations(database, [...readMigrations(), broken])).rejects.toThrow(/29990101000000_broken failed/);
    const [half] = await database.sql.query<{ exists: boolean }>(`SELECT to_regclass('"Half"') IS NOT NULL AS exists`);
    expect(half?.exists).toBe(false);
    expect(await pendingMigrations(database.sql, [...readMigrations(), broken])).toEqual([broken.name]);
  });
});

