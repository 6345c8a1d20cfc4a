import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { pgliteDirectory, resolveDatabaseConfig } from "./database-config.js";

/** The driver adapter the Prisma CLI uses: the same database the product would open. */
export async function createCliAdapter(): Promise<PrismaPg> {
  const config = resolveDatabaseConfig();
  if (config.kind === "postgres") return new PrismaPg({ connectionString: config.url });
  mkdirSync(config.dataDir, { recursive: true });
  // Typed against an older @prisma/driver-adapter-utils, it implements the same
  // migration-aware adapter interface as PrismaPg at runtime.
  return new PrismaPGlite(new PGlite(pgliteDirectory(config.dataDir))) as unknown as PrismaPg;
}
