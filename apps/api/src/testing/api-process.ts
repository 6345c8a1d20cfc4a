import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "@mspgraph/db/testing";

const apiDir = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.resolve(apiDir, "..", "..", "node_modules", ".bin", "tsx");

/** The API as `npm start` runs it: an OS process of server.ts on a free port. */
export type ApiProcess = { child: ChildProcess; output: () => string; port: number; graphql(body: unknown, token?: string): Promise<any> };

/** Starts server.ts on the embedded database in `dataDir` with `extraEnv`, and waits until /readyz answers 200. */
export async function startApiProcess(dataDir: string, extraEnv: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const env = { ...process.env, MSPGRAPH_DATA_DIR: dataDir, API_PORT: String(port), DATABASE_URL: "", ...extraEnv };
  const child = spawn(tsx, ["src/server.ts"], { cwd: apiDir, env });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const graphql = (body: unknown, token?: string) =>
    fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  for (let attempt = 0; attempt < 120; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) return { child, output: () => output, port, graphql };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become ready:\n${output}`);
}

/** Stops the process as a supervisor would (SIGTERM) and waits for it to exit. */
export async function stopApiProcess({ child }: ApiProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
