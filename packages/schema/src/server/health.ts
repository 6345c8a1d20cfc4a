import type { Database } from "@mspgraph/db";
import { pendingMigrations } from "@mspgraph/db";

const READY_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export type Readiness = { ready: boolean; checks: { database: string; migrations: string } };

/** Ready means: the database answers within the timeout and has every migration applied. */
export async function checkReadiness(database: Database): Promise<Readiness> {
  try {
    const pending = await withTimeout(pendingMigrations(database.sql), READY_TIMEOUT_MS);
    const migrations = pending.length === 0 ? "ok" : `pending: ${pending.join(", ")}`;
    return { ready: pending.length === 0, checks: { database: "ok", migrations } };
  } catch {
    return { ready: false, checks: { database: "unreachable", migrations: "unknown" } };
  }
}

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });
}

/** `/healthz`: the process is up. `/readyz`: it can serve requests (503 when not). */
export async function healthResponse(pathname: string, database: Database): Promise<Response | undefined> {
  if (pathname === "/healthz") return json({ status: "ok" }, 200);
  if (pathname !== "/readyz") return undefined;
  const readiness = await checkReadiness(database);
  return json({ status: readiness.ready ? "ready" : "not ready", checks: readiness.checks }, readiness.ready ? 200 : 503);
}
