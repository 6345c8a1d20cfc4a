// When the web app's production build is older than its sources; shared by `npm start` and the
// web app's browser tests. Plain JavaScript so it needs nothing built to run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "lib", "components", "public", "proxy.ts", "next.config.ts", "package.json", "graphql-env.d.ts"];

function newestChange(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((entry) => newestChange(path.join(target, entry))));
}

/** True when apps/web has no build or a source file changed after it. */
export function webBuildIsStale(webDir) {
  const buildId = path.join(webDir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  return Math.max(...SOURCES.map((p) => newestChange(path.join(webDir, p)))) > statSync(buildId).mtimeMs;
}

/** Runs `next build` in webDir when the build is stale; returns next's exit status (0 when nothing to do). */
export function buildWebIfStale(webDir, env = process.env) {
  if (!webBuildIsStale(webDir)) return 0;
  console.log("building the web app…");
  const next = path.resolve(webDir, "..", "..", "node_modules", ".bin", "next");
  return spawnSync(next, ["build"], { cwd: webDir, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" }).status ?? 1;
}
