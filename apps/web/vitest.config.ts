import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  // tsconfig keeps JSX for Next to compile; the tests compile it themselves.
  oxc: { jsx: { runtime: "automatic" } },
  test: { include: ["**/*.test.ts", "**/*.test.tsx"], exclude: ["node_modules/**", ".next/**", "e2e/**"], testTimeout: 60_000, hookTimeout: 60_000 },
});
