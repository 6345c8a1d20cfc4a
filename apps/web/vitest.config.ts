import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: { include: ["**/*.test.ts", "**/*.test.tsx"], exclude: ["node_modules/**", ".next/**"], testTimeout: 60_000, hookTimeout: 60_000 },
});
