import path from "node:path";

/**
 * The two vitest projects every database-backed package runs: the same tests on the
 * embedded PGlite and on a real PostgreSQL server that the global setup starts.
 * @remarks Imported by relative path from each package's vitest.config.ts, because the
 * config is bundled before TypeScript workspace packages can be loaded.
 */
export function databaseTestProjects(options: { include?: string[]; testTimeout?: number } = {}) {
  const include = options.include ?? ["src/**/*.test.ts", "tests/**/*.test.ts"];
  const testTimeout = options.testTimeout ?? 60_000;
  return [
    { resolve: sharedResolve, test: { name: "pglite", include, testTimeout, hookTimeout: testTimeout, env: { MSPGRAPH_TEST_DB: "pglite" } } },
    {
      resolve: sharedResolve,
      test: {
        name: "postgres",
        include,
        testTimeout,
        hookTimeout: testTimeout,
        env: { MSPGRAPH_TEST_DB: "postgres" },
        globalSetup: [path.join(import.meta.dirname, "postgres-global-setup.ts")],
      },
    },
  ];
}

// graphql ships CommonJS (main) and ESM (module) builds. Node loads the CommonJS one for
// the libraries in node_modules; tests must load the same copy, or graphql-js sees two realms.
const sharedResolve = { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] };
