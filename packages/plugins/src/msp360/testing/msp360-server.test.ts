import { afterEach, describe, expect, it } from "vitest";
import { generateMonitoringRows } from "./generate-rows.js";
import { startMsp360Server, type TMsp360Server } from "./msp360-server.js";
import { manualClock } from "./test-helpers.js";

let server: TMsp360Server | undefined;
afterEach(async () => server?.close());

async function login(body: unknown) {
  const response = await fetch(`${server?.url}/api/Provider/Login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const get = (path: string, token?: string) => fetch(`${server?.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe("local MSP360 server", () => {
  it("issues a bearer token for the right credentials and refuses the wrong ones with JSON", async () => {
    server = await startMsp360Server({ tokenLifetimeMs: 60_000 });
    const ok = await login({ UserName: server.credentials.userName, Password: server.credentials.password });
    expect(ok).toMatchObject({ status: 200, body: { token_type: "bearer", expires_in: 60 } });
    expect(await login({ UserName: server.credentials.userName, Password: "wrong" })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await login({})).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect((await get("/api/Companies")).status).toBe(401);
    expect((await get("/api/Companies", String(ok.body.access_token))).status).toBe(200);
  });

  it("expires tokens by its clock, on demand, and when credentials are regenerated", async () => {
    const clock = manualClock();
    server = await startMsp360Server({ tokenLifetimeMs: 60_000, now: clock.now });
    const credentials = { UserName: server.credentials.userName, Password: server.credentials.password };
    const token = async () => String((await login(credentials)).body.access_token);
    const aging = await token();
    clock.advance(60_001);
    expect((await get("/api/Users", aging)).status).toBe(401);
    const dropped = await token();
    server.state.expireAllTokens();
    expect((await get("/api/Users", dropped)).status).toBe(401);
    const last = await token();
    const renewed = server.state.regenerateCredentials();
    expect((await get("/api/Users", last)).status).toBe(401);
    expect((await login(credentials)).status).toBe(400);
    expect(server.credentials.password).toBe(renewed.password);
  });

  it("serves monitoring as a streamed array, per user, and computers in pages", async () => {
    server = await startMsp360Server({ monitoring: generateMonitoringRows(1_000), chunkRows: 64 });
    const { body } = await login({ UserName: server.credentials.userName, Password: server.credentials.password });
    const token = String(body.access_token);
    const response = await get("/api/Monitoring", token);
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    const rows = (await response.json()) as Array<{ UserID: string }>;
    expect(rows).toHaveLength(1_000);
    const userId = rows[0]?.UserID ?? "";
    const mine = (await (await get(`/api/Monitoring/${userId}`, token)).json()) as unknown[];
    expect(mine.length).toBe(rows.filter((row) => row.UserID === userId).length);
    const all = (await (await get("/api/Computers/0/1000000", token)).json()) as { Count: number; Computers: unknown[] };
    const page = (await (await get("/api/Computers/5/10", token)).json()) as { Count: number; StatusCode: number; Computers: unknown[] };
    expect(page).toMatchObject({ Count: all.Computers.length, StatusCode: 200, Computers: all.Computers.slice(5, 15) });
    expect((await get("/api/Computers/0/0", token)).status).toBe(400);
    expect((await get("/api/Nothing", token)).status).toBe(404);
  });

  it("serves queued faults in order, to API calls unless told otherwise", async () => {
    server = await startMsp360Server();
    server.faults.failNext(1, 503);
    server.faults.unauthorizedNext(1);
    server.faults.badPayloadNext(1, { target: "login" });
    const credentials = JSON.stringify({ UserName: server.credentials.userName, Password: server.credentials.password });
    const loginOnce = () => fetch(`${server?.url}/api/Provider/Login`, { method: "POST", body: credentials }).then((response) => response.text());
    expect(await loginOnce()).toContain("<html>");
    expect((await get("/api/Users")).status).toBe(503);
    expect((await get("/api/Users")).status).toBe(401);
    expect(JSON.parse(await loginOnce())).toHaveProperty("access_token");
    expect(server.requests.map((request) => request.status)).toEqual([200, 503, 401, 200]);
  });
});

describe("generateMonitoringRows", () => {
  it("is deterministic for a seed and mixes every status over many companies and computers", () => {
    const rows = generateMonitoringRows(10_000, { seed: 3, now: new Date("2025-03-10T09:00:00Z") });
    expect(generateMonitoringRows(10_000, { seed: 3, now: new Date("2025-03-10T09:00:00Z") })).toEqual(rows);
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.map((row) => row.Status))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(new Set(rows.map((row) => row.PlanId)).size).toBe(10_000);
    expect(new Set(rows.map((row) => row.PlanType))).toEqual(new Set([0, 1, 2, 3, 5, 7, 8, 11, 13, 15, 17]));
    expect(new Set(rows.map((row) => row.CompanyName)).size).toBe(100);
    expect(new Set(rows.map((row) => row.ComputerName)).size).toBeGreaterThan(3_000);
  });
});
