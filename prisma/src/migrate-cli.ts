import { spawnSync } from "node:child_process";
import { openDatabase } from "./client.js";
import { resolveDatabaseConfig } from "./database-config.js";
import { applyMigrations } from "./migrate.js";

// `npm run db:migrate`. On a PostgreSQL server: `prisma migrate deploy`. On the embedded
// database: the same migrations through our runner, in this process, closing PGlite
// properly (the Prisma CLI can exit before PGlite has written its files, losing the run).
const config = resolveDatabaseConfig();
if (config.kind === "postgres") {
  const result = spawnSync("prisma", ["migrate", "deploy"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}
const database = await openDatabase(config);
try {
  const applied = await applyMigrations(database);
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "the embedded database is up to date");
} finally {
  await database.close();
}
