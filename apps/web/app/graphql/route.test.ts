import { freePort } from "@mspgraph/db/testing";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveTestApi } from "../../e2e/servers";
import { POST as login } from "../api/session/login/route";
import { POST } from "./route";

const WEB = "http://web.test";
const healthQuery = JSON.stringify({ query: "{ health { status } }" });
const ourPage = { "content-type": "application/json", "x-mspgraph-csrf": "1", origin: WEB };
const post = (headers: Record<string, string>, body = healthQuery) => POST(new NextRequest(`${WEB}/graphql`, { method: "POST", headers, body }));

let api: Awaited<ReturnType<typeof serveTestApi>>;
beforeAll(async () => {
  api = await serveTestApi();
});
afterAll(() => api.close());

describe("the web server's /graphql", () => {
  it("forwards GraphQL to the real API and returns its answer", async () => {
    const response = await post(ourPage);
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ health: { status: "OK" } });
  });

  it("answers 502 with a code when the API is down", async () => {
    process.env.MSPGRAPH_API_URL = `http://127.0.0.1:${await freePort()}`;
    try {
      const response = await post(ourPage);
      expect(response.status).toBe(502);
      expect((await response.json()).errors[0].extensions.code).toBe("API_UNREACHABLE");
    } finally {
      process.env.MSPGRAPH_API_URL = api.url;
    }
  });
});

describe("CSRF protection on /graphql", () => {
  const session = async () => {
    const response = await login(new NextRequest(`${WEB}/api/session/login`, { method: "POST", headers: ourPage, body: JSON.stringify({ email: "owner@northwind-msp.test", password: "mspgraph-demo" }) }));
    return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  };
  const rename = JSON.stringify({ query: "mutation { logout { ok } }" });

  it.each([
    ["without the custom header", { "content-type": "application/json", origin: WEB }],
    ["from another origin", { ...ourPage, origin: "https://evil.example" }],
    ["from another site by Sec-Fetch-Site", { ...ourPage, "sec-fetch-site": "cross-site" }],
    ["with neither Origin nor Sec-Fetch-Site", { "content-type": "application/json", "x-mspgraph-csrf": "1" }],
  ])("refuses a request %s with 403 CSRF_REJECTED, and the session survives", async (_case, headers) => {
    const cookie = await session();
    const response = await post({ ...headers, cookie }, rename);
    expect(response.status).toBe(403);
    expect((await response.json()).errors[0].extensions.code).toBe("CSRF_REJECTED");
    const still = await post({ ...ourPage, cookie }, JSON.stringify({ query: "{ viewer { name } }" }));
    expect((await still.json()).data.viewer.name).toBe("Nora Owens");
  });

  it("accepts our own page's request by Sec-Fetch-Site: same-origin", async () => {
    const response = await post({ "content-type": "application/json", "x-mspgraph-csrf": "1", "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
  });
});
