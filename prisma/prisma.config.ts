import path from "node:path";
import { defineConfig } from "prisma/config";
import { createCliAdapter } from "./src/cli-adapter.js";

// The JavaScript engine with a driver adapter: the CLI needs no downloaded binary,
// and the same adapter choice as the runtime (PGlite or a PostgreSQL server).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: createCliAdapter,
});
