import { createTestApi } from "@mspgraph/api/testing";
import { startSyncroServer } from "@mspgraph/plugins/testing/syncro";
import type { TestProject } from "vitest/node";
import { buildWebIfStale } from "../../../scripts/web-build.mjs";
import { listen, startWeb, webDir } from "./servers";

declare module "vitest" {
  export interface ProvidedContext {
    webUrl: string;
    /** The same app whose sign-ins last 40 seconds (MSPGRAPH_WEB_SESSION_TTL_SECONDS), for the expiry flow. */
    shortSessionWebUrl: string;
    syncroUrl: string;
    syncroToken: string;
  }
}

// One real stack for every browser test: the API (with its plugins) on a seeded database, a
// local Syncro-compatible server, and the built web app under `next start`.
export default async function setup(project: TestProject) {
  if (buildWebIfStale(webDir) !== 0) throw new Error("`next build` failed: the browser tests need a built web app");
  const test = await createTestApi();
  const api = await listen(test.api.handleNode);
  const syncro = await startSyncroServer();
  const web = await startWeb({ apiUrl: api.url });
  const shortSession = await startWeb({ apiUrl: api.url, env: { MSPGRAPH_WEB_SESSION_TTL_SECONDS: "40" } });
  project.provide("webUrl", web.url);
  project.provide("shortSessionWebUrl", shortSession.url);
  project.provide("syncroUrl", syncro.url);
  project.provide("syncroToken", syncro.token);
  return async () => {
    await Promise.all([web.close(), shortSession.close()]);
    await syncro.close();
    await api.close();
    await test.close();
  };
}
