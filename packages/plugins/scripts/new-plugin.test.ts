import { execFile } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { testDatabaseKind } from "@mspgraph/db/testing";
import { afterAll, expect, it } from "vitest";
import { scaffoldPlugin } from "./new-plugin.js";

const run = promisify(execFile);
const packageDir = path.resolve(import.meta.dirname, "..");
const id = `scaffold-check-${process.pid}`;
const folder = path.join(packageDir, "src", id);
// The link goes to a scratch folder: the repository's prisma/schema must not change under other tests.
const links = mkdtempSync(path.join(tmpdir(), "prisma-links-"));
const link = path.join(links, `${id}.prisma`);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(links, { recursive: true, force: true });
});

// What `npm run new-plugin -- <id>` writes must type-check and pass its own test.
// It needs no database, so it runs once (in the pglite project).
it.runIf(testDatabaseKind() === "pglite")("writes a plugin folder that builds and whose test passes", async () => {
  scaffoldPlugin(id, { prismaLinks: links });
  expect(() => scaffoldPlugin(id, { prismaLinks: links })).toThrow(/already exists/);
  expect(realpathSync(link)).toBe(path.join(folder, "schema.prisma"));
  expect(() => scaffoldPlugin("Not An Id")).toThrow(/not a plugin id/);
  await run("npx", ["tsc", "--noEmit", "-p", "."], { cwd: packageDir });
  const { stdout } = await run("npx", ["vitest", "run", `src/${id}`, "--project", "pglite"], { cwd: packageDir, env: { ...process.env, CI: "true" } });
  expect(stdout).toMatch(/3 passed/);
}, 240_000);
