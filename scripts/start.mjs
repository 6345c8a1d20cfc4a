// `npm start`: builds the web app when its sources changed, then runs the API and the web
// server together until Ctrl+C. Plain JavaScript so it needs nothing built to run.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildWebIfStale } from "./web-build.mjs";

const root = path.resolve(import.meta.dirname, "..");
const webDir = path.join(root, "apps", "web");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const apiPort = process.env.API_PORT ?? "4000";
const webPort = process.env.WEB_PORT ?? "3000";
const webHost = process.env.WEB_HOST ?? "127.0.0.1";
const env = { ...process.env, API_PORT: apiPort, NEXT_TELEMETRY_DISABLED: "1" };

const built = buildWebIfStale(webDir, env);
if (built !== 0) process.exit(built);

const children = [];
function run(name, command, args, cwd, childEnv = env) {
  const child = spawn(command, args, { cwd, env: childEnv, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest`);
    stop(code || 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3_000).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function waitForApi() {
  const url = `http://127.0.0.1:${apiPort}/healthz`;
  for (let attempt = 0; attempt < 240 && !stopping; attempt++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

// The web server calls the API over loopback with the browser's X-Forwarded-For; the API
// believes that header only from the proxies it is told to trust.
const apiEnv = { ...env, MSPGRAPH_TRUSTED_PROXIES: process.env.MSPGRAPH_TRUSTED_PROXIES ?? "loopback" };
run("API", bin("tsx"), [path.join("src", "server.ts")], path.join(root, "apps", "api"), apiEnv);
if (!(await waitForApi())) {
  console.error("the API did not come up within two minutes");
  stop(1);
} else {
  run("web", bin("next"), ["start", "-p", webPort, "-H", webHost], webDir);
  console.log(`
  mspgraph is running
    web app   http://localhost:${webPort}
    API       http://localhost:${apiPort}/graphql  (GraphiQL in a browser)
    sign in   owner@northwind-msp.test / mspgraph-demo   (more accounts in README.md)
  Ctrl+C stops both.
`);
}
