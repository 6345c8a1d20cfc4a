import path from "node:path";

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string };

/** The repository root: the default home of the embedded data directory. */
export const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/**
 * Chooses the database from the environment: `DATABASE_URL=postgres://...` selects a
 * PostgreSQL server; otherwise the embedded PGlite under `MSPGRAPH_DATA_DIR` (default `./.data`).
 * @remarks npm runs workspace scripts inside the workspace folder, so a relative data
 * directory is resolved against the folder the user ran npm from (`INIT_CWD`).
 */
export function resolveDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
    }
    return { kind: "postgres", url };
  }
  const base = env.INIT_CWD ?? process.cwd();
  const dataDir = env.MSPGRAPH_DATA_DIR ? path.resolve(base, env.MSPGRAPH_DATA_DIR) : path.join(repoRoot, ".data");
  return { kind: "pglite", dataDir };
}

/** Where PGlite keeps its files inside the data directory. */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, "pgdata");
}
