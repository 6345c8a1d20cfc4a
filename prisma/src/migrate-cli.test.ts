import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inject, it, expect } from "vitest";
import { type Database, databaseFromUrl, openDatabase } from "./client.js";
import { applyMigrations, pendingMigrations, readMigrations } from "./migrate.js";
import { databaseUrl, testDatabaseKind } from "./testing/index.js";

const run = promisify(execFile);
const packageDir = path.resolve(import.meta.dirname, "..");

// `npm run db:migrate`, the path users take: `prisma migrate deploy` through the driver
// adapter on a server, our runner on the embedded database.
it("npm run db:migrate applies every migration from empty, and our runner agrees", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, INIT_CWD: packageDir };
  let database: Database;
  let cleanup: () => Promise<void>;
  if (testDatabaseKind() === "postgres") {
    const serverUrl = inject("postgresUrl");
    const admin = databaseFromUrl(serverUrl, { max: 1 });
    const name = `cli_migrate_${Date.now()}`;
    await admin.sql.exec(`CREATE DATABASE ${name}`);
    env.DATABASE_URL = databaseUrl(serverUrl, name);
    await run("npm", ["run", "migrate"], { cwd: packageDir, env });
    database = databaseFromUrl(env.DATABASE_URL, { max: 1 });
    cleanup = async () => {
      await admin.sql.exec(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.close();
    };
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "mspgraph-cli-"));
    delete env.DATABASE_URL;
    env.MSPGRAPH_DATA_DIR = dataDir;
    await run("npm", ["run", "migrate"], { cwd: packageDir, env });
    database = await openDatabase({ kind: "pglite", dataDir });
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  try {
    const history = await database.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`,
    );
    expect(history.map((row) => row.migration_name)).toEqual(readMigrations().map((m) => m.name));
    expect(await pendingMigrations(database.sql)).toEqual([]);
    expect(await applyMigrations(database)).toEqual([]);
    expect(await database.prisma.partner.count()).toBe(0);
  } finally {
    await database.close();
    await cleanup();
  }
});
