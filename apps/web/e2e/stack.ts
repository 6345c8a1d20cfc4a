import { startSyncroServer } from "@mspgraph/plugins/testing/syncro";
import { buildWebIfStale } from "../../../scripts/web-build.mjs";
import { freePort } from "@mspgraph/db/testing";
import { serveTestApi, startWeb, webDir } from "./servers";

// In a shared checkout another `next build` (npm start, a colleague's check) may hold the
// build lock; wait for it and look again, since its build may be the one we need.
async function buildOnce(): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    if (buildWebIfStale(webDir) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20_000));
  }
  throw new Error("`next build` failed: the browser tests need a built web app");
}

export type TStack = { webUrl: string; shortSessionWebUrl: string; syncro: { url: string; token: string }; close: () => Promise<void> };

/**
 * A real mspgraph for browser tests and screenshots: the API (with its plugins) on a fresh
 * database seeded like `npm start`'s (sample tickets included), a local Syncro-compatible
 * server, and the built web app under `next start` twice (the second with 40-second sign-ins,
 * for the expiry flow). Builds the app when stale.
 */
export async function startStack(): Promise<TStack> {
  await buildOnce();
  // The API's links (an invitation's, where no email is sent) must open this web app.
  const webPort = await freePort();
  const api = await serveTestApi({ publicUrl: `http://127.0.0.1:${webPort}` });
  const syncro = await startSyncroServer();
  const [web, shortSession] = await Promise.all([startWeb({ apiUrl: api.url, port: webPort }), startWeb({ apiUrl: api.url, env: { MSPGRAPH_WEB_SESSION_TTL_SECONDS: "40" } })]);
  return {
    webUrl: web.url,
    shortSessionWebUrl: shortSession.url,
    syncro: { url: syncro.url, token: syncro.token },
    close: async () => {
      await Promise.all([web.close(), shortSession.close()]);
      await syncro.close();
      await api.close();
    },
  };
}
