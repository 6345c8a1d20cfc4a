import { afterEach, describe, expect, it } from "vitest";
import { generateMonitoringRows } from "../testing/generate-rows.js";
import { startMsp360Server, type TMsp360Server } from "../testing/msp360-server.js";
import { clientFor, countLogins, countRequests, manualClock, rejectionOf } from "../testing/test-helpers.js";
import { CREDENTIALS_REJECTED_MESSAGE, Msp360ApiError, Msp360CredentialsRejectedError } from "./errors.js";
import { memoryTokenCache, type TMsp360Token } from "./token.js";

const HOUR = 60 * 60 * 1000;
const servers: TMsp360Server[] = [];

async function start(options: Parameters<typeof startMsp360Server>[0] = {}) {
  const server = await startMsp360Server({ monitoring: generateMonitoringRows(20), ...options });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// Every way an error could carry a secret out: message, stack, cause, JSON form.
function exposedText(error: unknown): string {
  const e = error as Error;
  return [String(e), e.stack, JSON.stringify(e), String(e.cause ?? "")].join("\n");
}

describe("Msp360Client login", () => {
  it("logs in once and reuses the token across calls", async () => {
    const server = await start();
    const client = clientFor(server);
    await client.companies();
    await client.users();
    await client.computers(0, 5);
    for await (const row of client.monitoringRows()) expect(row.Status).toBeTypeOf("number");
    expect(countLogins(server)).toBe(1);
    expect(server.requests.filter((request) => request.status === 401)).toEqual([]);
  });

  it("shares one login between concurrent calls", async () => {
    const server = await start();
    const client = clientFor(server);
    await Promise.all([client.companies(), client.users(), client.computers(0, 3), client.companies()]);
    expect(countLogins(server)).toBe(1);
  });

  it("renews the token shortly before it expires, without waiting for a 401", async () => {
    const clock = manualClock();
    const server = await start({ tokenLifetimeMs: HOUR, now: clock.now });
    const client = clientFor(server, { now: clock.now });
    await client.companies();
    clock.advance(HOUR - 60_000);
    await client.companies();
    expect(countLogins(server)).toBe(2);
    expect(countRequests(server, { path: "/api/Companies", status: 401 })).toBe(0);
  });

  it("logs in exactly once more when MSP360 has expired the token, and the call succeeds", async () => {
    const serverClock = manualClock();
    const server = await start({ tokenLifetimeMs: HOUR, now: serverClock.now });
    // The client's clock stands still, so only the server knows the token has lapsed.
    const client = clientFor(server, { now: manualClock().now });
    await client.users();
    serverClock.advance(2 * HOUR);
    const users = await client.users();
    expect(users.length).toBeGreaterThan(0);
    expect(countLogins(server)).toBe(2);
    expect(countRequests(server, { path: "/api/Users", status: 401 })).toBe(1);
    expect(countRequests(server, { path: "/api/Users", status: 200 })).toBe(2);
  });

  it("recovers the same way when every token is expired at once", async () => {
    const server = await start();
    const client = clientFor(server);
    await client.companies();
    server.state.expireAllTokens();
    await Promise.all([client.companies(), client.users()]);
    expect(countLogins(server)).toBe(2);
  });

  it("reports regenerated credentials as rejected, with the exact message and no secret in it", async () => {
    const server = await start();
    const tokens: TMsp360Token[] = [];
    const cache = memoryTokenCache();
    const client = clientFor(server, { tokenCache: { get: cache.get, set: async (token) => void tokens.push(token) } });
    const oldPassword = server.credentials.password;
    await client.companies();
    const { password: newPassword } = server.state.regenerateCredentials();

    const error = await client.companies().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Msp360CredentialsRejectedError);
    expect(error).toBeInstanceOf(Msp360ApiError);
    expect((error as Msp360ApiError).kind).toBe("unauthorized");
    expect((error as Error).message).toBe("credentials rejected: regenerate them in the MSP360 console and reconnect");
    expect(CREDENTIALS_REJECTED_MESSAGE).toBe((error as Error).message);
    const text = exposedText(error);
    for (const secret of [oldPassword, newPassword, ...tokens.map((token) => token.accessToken)]) expect(text).not.toContain(secret);
    expect(countLogins(server)).toBe(2);
  });

  it("gives up after a fresh login is refused too", async () => {
    const server = await start();
    const client = clientFor(server);
    server.faults.unauthorizedNext(2);
    await expect(client.users()).rejects.toThrow(Msp360CredentialsRejectedError);
    expect(countLogins(server)).toBe(2);
    expect(countRequests(server, { path: "/api/Users" })).toBe(2);
  });

  it("treats one stray 401 as a lapsed token: one login, one retry, success", async () => {
    const server = await start();
    const client = clientFor(server);
    server.faults.unauthorizedNext(1);
    await expect(client.companies()).resolves.toHaveLength(1);
    expect(countLogins(server)).toBe(2);
  });

  it("rejects a wrong password on verify() without echoing it", async () => {
    const server = await start();
    const client = clientFor(server, { password: "not-the-Password-42" });
    const error = await client.verify().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Msp360CredentialsRejectedError);
    expect((error as Msp360ApiError).status).toBe(400);
    expect(exposedText(error)).not.toContain("not-the-Password-42");
  });

  it("reports an outage during login as a server error, not as bad credentials, and does not retry the POST", async () => {
    const server = await start();
    server.faults.failNext(1, 503, { target: "login" });
    const error = await clientFor(server).verify().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Msp360ApiError);
    expect(error).not.toBeInstanceOf(Msp360CredentialsRejectedError);
    expect((error as Msp360ApiError).kind).toBe("server");
    expect(countLogins(server)).toBe(1);
  });

  it("reports a login answer without a token as bad_payload", async () => {
    const server = await start();
    server.faults.badPayloadNext(1, { target: "login" });
    const error = await rejectionOf(clientFor(server).verify());
    expect(error.kind).toBe("bad_payload");
    expect(error.message).toBe("MSP360 answered POST /api/Provider/Login without an access token");
  });

  it("stores the token with its expiry in the cache, and a client sharing the cache does not log in", async () => {
    const clock = manualClock();
    const server = await start({ tokenLifetimeMs: 3 * HOUR, now: clock.now });
    const cache = memoryTokenCache();
    await clientFor(server, { tokenCache: cache, now: clock.now }).verify();
    const cached = await cache.get();
    expect(cached?.expiresAt).toEqual(new Date(clock.now().getTime() + 3 * HOUR));
    await clientFor(server, { tokenCache: cache, now: clock.now }).companies();
    expect(countLogins(server)).toBe(1);
  });
});
