import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, createTestApi } from "./testing/test-api.js";

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresAt viewer { name kind staffRole partner { name } } userErrors { field message code } } }`;
const CLIENT_LOGIN = `mutation ($input: LoginInput!) { clientLogin(input: $input) { accessToken refreshToken expiresAt viewer { name kind clientRole client { name } } userErrors { field message code } } }`;
const REFRESH = `mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken expiresAt } }`;
const VIEWER = `{ viewer { name kind } }`;
const PASSWORD = "mspgraph-demo";

describe("sign-in, sessions and tokens", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  const login = (email: string, password = PASSWORD) => t.gql(LOGIN, { input: { email, password } });

  it("signs staff in with a 15-minute access token and a refresh token", async () => {
    const before = Date.now();
    const { data } = await login("owner@northwind-msp.test");
    const session = data!.login;
    expect(session.userErrors).toEqual([]);
    expect(session.viewer).toEqual({ name: "Nora Owens", kind: "STAFF", staffRole: "OWNER", partner: { name: "Northwind MSP" } });
    const lifetime = new Date(session.expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000 + 1000);
    expect((await t.gql(VIEWER, {}, { token: session.accessToken })).data).toEqual({ viewer: { name: "Nora Owens", kind: "STAFF" } });
  });

  it("signs client users in through their own flow, and never through the staff one", async () => {
    const client = await t.gql(CLIENT_LOGIN, { input: { email: "admin@fabrikam.test", password: PASSWORD } });
    expect(client.data!.clientLogin.viewer).toEqual({ name: "Fiona Bright", kind: "CLIENT", clientRole: "ADMIN", client: { name: "Fabrikam Dental" } });
    expect((await login("admin@fabrikam.test")).data!.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    const staffViaPortal = await t.gql(CLIENT_LOGIN, { input: { email: "owner@northwind-msp.test", password: PASSWORD } });
    expect(staffViaPortal.data!.clientLogin.accessToken).toBeNull();
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const wrong = (await login("tech@northwind-msp.test", "not-the-password")).data!.login;
    const unknown = (await login("nobody@northwind-msp.test", "not-the-password")).data!.login;
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ accessToken: null, refreshToken: null, userErrors: [{ field: null, code: "INVALID_CREDENTIALS" }] });
  });

  it("refuses an expired, tampered or malformed access token with UNAUTHENTICATED and 401", async () => {
    const { signAccessToken } = await import("@mspgraph/schema/auth-tokens");
    const { data } = await login("tech@northwind-msp.test");
    const sessionId = (await t.database.prisma.authSession.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).id;
    const expired = await signAccessToken(t.auth, { audience: "mspgraph:staff", userId: seedId("staff", "tech@northwind-msp.test"), sessionId }, new Date(Date.now() - 16 * 60_000));
    const good = data!.login.accessToken as string;
    const tampered = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    for (const token of [expired.token, tampered, "not-a-jwt"]) {
      const response = await t.gql(VIEWER, {}, { token });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(response.data ?? null).toBeNull();
    }
  });

  it("rotates refresh tokens, and a reused one ends the whole session", async () => {
    const first = (await login("tech@northwind-msp.test")).data!.login;
    const second = (await t.gql(REFRESH, { input: { refreshToken: first.refreshToken } })).data!.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql(VIEWER, {}, { token: second.accessToken })).data?.viewer?.kind).toBe("STAFF");

    const reuse = await t.gql(REFRESH, { input: { refreshToken: first.refreshToken } });
    expect(reuse.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // The family is revoked: the token pair issued after the first refresh is dead too.
    expect((await t.gql(VIEWER, {}, { token: second.accessToken })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.gql(REFRESH, { input: { refreshToken: second.refreshToken } })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("logout ends the session's access and refresh tokens at once", async () => {
    const session = (await login("tech@northwind-msp.test")).data!.login;
    const out = await t.gql(`mutation { logout { ok } }`, {}, { token: session.accessToken });
    expect(out.data).toEqual({ logout: { ok: true } });
    expect((await t.gql(VIEWER, {}, { token: session.accessToken })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.gql(REFRESH, { input: { refreshToken: session.refreshToken } })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a client token on staff-only fields", async () => {
    const token = await t.tokenFor("admin@fabrikam.test");
    for (const query of ["{ clients(first: 5) { totalCount } }", "{ partners(first: 5) { totalCount } }"]) {
      const response = await t.gql(query, {}, { token });
      expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(response.data).toBeNull();
    }
  });
});

describe("sign-in throttling", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  const attempt = (password: string, ip = "203.0.113.7") =>
    t.gql(LOGIN, { input: { email: "tech@contoso-it.test", password } }, { remoteAddress: ip });
  const unlockNow = () => t.database.prisma.loginThrottle.updateMany({ data: { lockedUntil: new Date(Date.now() - 1000) } });

  it("locks an account after 5 failures in 15 minutes, for growing times, and a success resets it", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("wrong")).data!.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    const locked = await attempt(PASSWORD);
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
    const firstWait = locked.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(60);

    // Still failing after the lock ends: locked again, for twice as long.
    await unlockNow();
    await attempt("wrong");
    const secondWait = (await attempt(PASSWORD)).errors![0]!.extensions!.retryAfterSeconds as number;
    expect(secondWait).toBeGreaterThan(60);
    expect(secondWait).toBeLessThanOrEqual(120);

    // Another address is throttled on the account too: the lock is per account, not only per IP.
    expect((await attempt(PASSWORD, "198.51.100.9")).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");

    await unlockNow();
    expect((await attempt(PASSWORD)).data!.login.accessToken).toEqual(expect.any(String));
    // The success cleared the account: four new failures do not lock it.
    for (let i = 0; i < 4; i++) await attempt("wrong", "198.51.100.10");
    expect((await attempt(PASSWORD, "198.51.100.10")).data!.login.accessToken).toEqual(expect.any(String));
  });

  it("throttles unknown accounts the same way (no enumeration through throttling)", async () => {
    const ghost = (password: string) => t.gql(LOGIN, { input: { email: "ghost@contoso-it.test", password } }, { remoteAddress: "192.0.2.44" });
    for (let i = 0; i < 5; i++) await ghost("wrong");
    expect((await ghost("wrong")).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });
});
