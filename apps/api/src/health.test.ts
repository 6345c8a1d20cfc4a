import { type Database, databaseFromUrl } from "@mspgraph/db";
import { createTestDatabase, freePort } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@mspgraph/schema/server";
import { testSecrets } from "./testing/test-api.js";
import { createApi } from "./yoga.js";

const logger = createLogger({ level: "silent" });

async function get(database: Database, path: string) {
  const response = await createApi({ database, logger, ...testSecrets() }).fetch(new Request(`http://test${path}`));
  return { status: response.status, body: await response.json() };
}

describe("health endpoints", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("/healthz answers while the process runs", async () => {
    expect(await get(database, "/healthz")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("/readyz is ready when the database answers and is migrated", async () => {
    const { status, body } = await get(database, "/readyz");
    expect(status).toBe(200);
    expect(body.checks).toEqual({ database: "ok", migrations: "ok" });
  });

  it("/readyz is not ready when migrations are pending", async () => {
    await database.sql.exec(`DELETE FROM "_prisma_migrations"`);
    const { status, body } = await get(database, "/readyz");
    expect(status).toBe(503);
    expect(body.checks.migrations).toMatch(/^pending: /);
  });
});

describe("/readyz with an unreachable database", () => {
  it("reports 503 while /healthz still answers", async () => {
    // Nothing listens on a port we just found free.
    const unreachable = databaseFromUrl(`postgres://postgres@127.0.0.1:${await freePort()}/none`, { max: 1 });
    try {
      const ready = await get(unreachable, "/readyz");
      expect(ready.status).toBe(503);
      expect(ready.body.checks.database).toBe("unreachable");
      expect((await get(unreachable, "/healthz")).status).toBe(200);
    } finally {
      await unreachable.close();
    }
  });

  it("reports 503 after the database was closed", async () => {
    const database = await createTestDatabase();
    await database.close();
    expect((await get(database, "/readyz")).status).toBe(503);
  });
});
