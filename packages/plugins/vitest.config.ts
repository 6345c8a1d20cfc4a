import { defineConfig } from "vitest/config";
import { databaseTestProjects } from "../../prisma/src/testing/vitest-projects.js";

export default defineConfig({ test: { projects: databaseTestProjects({ include: ["src/**/*.test.ts", "scripts/**/*.test.ts"] }) } });
