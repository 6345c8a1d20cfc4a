import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { createApi, createLogger } from "@mspgraph/api";
import { authConfig, keyRing } from "@mspgraph/schema";
import { type TestDatabase, createTestDatabase, freePort } from "@mspgraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST } from "./route";

const healthQuery = JSON.stringify({ query: "{ health { status } }" });
const ourPage = { "content-type": "application/json", "x-mspgraph-csrf": "1", origin: "http://web" };
const postHealth = () => POST(new NextRequest("http://web/graphql", { method: "POST", headers: ourPage, body: healthQuery }));

describe("the web server's /graphql", () => {
  let database: TestDatabase;
  let server: Server;
  beforeAll(async () => {
    database = await createTestDatabase();
    const api = createApi({ database, auth: authConfig(randomBytes(32)), keyRing: keyRing("t", { t: randomBytes(32) }), logger: createLogger({ level: "silent" }) });
    server = createServer(api.handleNode);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.MSPGRAPH_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await database.close();
  });

  it("forwards GraphQL to the real API and returns its answer", async () => {
    const response = await postHealth();
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ health: { status: "OK" } });
  });

  it("answers 502 with a code when the API is down", async () => {
    const saved = process.env.MSPGRAPH_API_URL;
    process.env.MSPGRAPH_API_URL = `http://127.0.0.1:${await freePort()}`;
    try {
      const response = await postHealth();
      expect(response.status).toBe(502);
      expect((await response.json()).errors[0].extensions.code).toBe("API_UNREACHABLE");
    } finally {
      process.env.MSPGRAPH_API_URL = saved;
    }
  });
});
