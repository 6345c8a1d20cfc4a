import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type TestApi, type TestApiOptions, createTestApi } from "@mspgraph/api/testing";
import { freePort } from "@mspgraph/db/testing";

export const webDir = path.resolve(import.meta.dirname, "..");

/** Serves an in-process API (anything with Node's request handler) on 127.0.0.1 and a free port. */
export async function listen(handleNode: Parameters<typeof createServer>[1]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handleNode);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The real API with its plugins on a fresh seeded database, listening on a free port, its
 * emailed links under `publicUrl` (the web app's address); sets
 * MSPGRAPH_API_URL so route handlers called in-process reach it. Like `npm start`, it trusts
 * X-Forwarded-For from loopback, where the web server calls it from.
 */
export async function serveTestApi(options: { publicUrl?: string; mail?: TestApiOptions["mail"] } = {}): Promise<{ test: TestApi; url: string; close: () => Promise<void> }> {
  const mail = { ...options.mail, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) };
  // Domain events reach their outlets (the bell's notifications, webhooks) as in the API process.
  const test = await createTestApi({ trustedProxies: "loopback", mail, dispatchEvents: { intervalMs: 250 } });
  const server = await listen(test.api.handleNode);
  process.env.MSPGRAPH_API_URL = server.url;
  return {
    test,
    url: server.url,
    close: async () => {
      await server.close();
      await test.close();
    },
  };
}

/** `next start` on the built app, talking to `apiUrl`; resolves once it serves the sign-in page. */
export async function startWeb(options: { apiUrl: string; port?: number; env?: Record<string, string> }): Promise<{ url: string; close: () => Promise<void> }> {
  const port = options.port ?? (await freePort());
  const next = path.resolve(webDir, "..", "..", "node_modules", ".bin", "next");
  const output: string[] = [];
  const child: ChildProcess = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: webDir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", MSPGRAPH_API_URL: options.apiUrl, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output.join("")}`);
    if (await fetch(`${url}/login`).then((r) => r.ok, () => false)) {
      return {
        url,
        close: async () => {
          if (child.exitCode !== null) return;
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGTERM");
          // A page's open live stream (the bell's subscription) holds a graceful shutdown for minutes.
          const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
          await exited;
          clearTimeout(force);
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`next start did not answer within a minute:\n${output.join("")}`);
}
