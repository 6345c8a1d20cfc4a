import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveTestApi } from "../../../e2e/servers";
import { POST as graphqlPost } from "../../graphql/route";
import { POST as clientLogin } from "./client-login/route";
import { POST as exitImpersonation } from "./exit-impersonation/route";
import { POST as impersonate } from "./impersonate/route";
import { POST as login } from "./login/route";
import { POST as logout } from "./logout/route";
import { POST as mfaStep } from "./mfa/route";
import { totpCode } from "@mspgraph/api/testing";

const WEB = "http://web.test";
const ourPage = { "content-type": "application/json", "x-mspgraph-csrf": "1", origin: WEB };

type TJar = Map<string, string>;
const cookieHeader = (jar: TJar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
function keep(jar: TJar, response: Response): TJar {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...value] = pair!.split("=");
    if (value.join("=") === "") jar.delete(name!);
    else jar.set(name!, value.join("="));
  }
  return jar;
}
const call = (handler: (r: NextRequest) => Promise<Response>, path: string, body: unknown, jar: TJar = new Map(), headers: Record<string, string> = {}) =>
  handler(new NextRequest(`${WEB}${path}`, { method: "POST", headers: { ...ourPage, cookie: cookieHeader(jar), ...headers }, body: JSON.stringify(body) }));
const gql = (jar: TJar, query: string) => call(graphqlPost, "/graphql", { query }, jar);

async function signedIn(email: string, handler = login): Promise<TJar> {
  const response = await call(handler, "/api/session/login", { email, password: "mspgraph-demo" });
  expect(response.status).toBe(200);
  return keep(new Map(), response);
}

let api: Awaited<ReturnType<typeof serveTestApi>>;
beforeAll(async () => {
  api = await serveTestApi();
});
afterAll(() => api.close());

describe("signing in", () => {
  it("keeps the tokens in httpOnly SameSite=Lax cookies and never in the answer", async () => {
    const response = await call(login, "/api/session/login", { email: "owner@northwind-msp.test", password: "mspgraph-demo" });
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ ok: true, redirectTo: "/dashboard" });
    expect(body).not.toMatch(/eyJ|mspr_/);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(3);
    for (const cookie of cookies) expect(cookie).toMatch(/HttpOnly/i), expect(cookie).toMatch(/SameSite=lax/i);
  });

  it("keeps the flows apart: a client user cannot sign in at the staff page", async () => {
    const response = await call(login, "/api/session/login", { email: "admin@fabrikam.test", password: "mspgraph-demo" });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toContain("don't match a staff account");
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("passes the browser's address on to the API, which trusts the web server's X-Forwarded-For", async () => {
    await call(login, "/api/session/login", { email: "tech@contoso-it.test", password: "wrong" }, new Map(), { "x-forwarded-for": "203.0.113.45" });
    const latest = await api.test.database.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.login" }, orderBy: { at: "desc" } });
    expect(latest.ip).toBe("203.0.113.45");
  });

  it("says in plain words when sign-in is paused after repeated failures", async () => {
    const attempt = () => call(clientLogin, "/api/session/client-login", { email: "viewer@litware.test", password: "wrong" }, new Map(), { "x-forwarded-for": "203.0.113.7" });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const paused = await attempt();
    expect(paused.status).toBe(429);
    expect((await paused.json()).message).toMatch(/^Too many sign-in attempts\. For your security, sign-in is paused: try again in \d+ (minutes?|seconds)\.$/);
  });
});

describe("the session on /graphql", () => {
  it("renews an access token near its expiry once, even for requests racing with the same cookie", async () => {
    const jar = await signedIn("tech@northwind-msp.test");
    const meta = JSON.parse(decodeURIComponent(jar.get("mspgraph_session")!));
    jar.set("mspgraph_session", encodeURIComponent(JSON.stringify({ ...meta, accessExpiresAt: Date.now() })));
    const [first, second] = await Promise.all([gql(jar, "{ viewer { name } }"), gql(jar, "{ viewer { name } }")]);
    for (const response of [first, second]) expect((await response.json()).data.viewer.name).toBe("Theo Marsh");
    const renewed = keep(new Map(jar), first!);
    expect(renewed.get("mspgraph_refresh")).not.toBe(jar.get("mspgraph_refresh"));
    expect(keep(new Map(jar), second!).get("mspgraph_refresh")).toBe(renewed.get("mspgraph_refresh"));
    // Had both requests spent the old refresh token, the API would have ended the session.
    expect((await (await gql(renewed, "{ viewer { name } }")).json()).data.viewer.name).toBe("Theo Marsh");
  });

  it("signing out ends the session at the API, not only in this browser", async () => {
    const jar = await signedIn("owner@northwind-msp.test");
    const stolen = new Map(jar);
    const response = await call(logout, "/api/session/logout", {}, jar);
    expect((await response.json()).redirectTo).toBe("/login?reason=signed-out");
    expect(keep(jar, response).size).toBe(0);
    const replay = await (await gql(stolen, "{ viewer { name } }")).json();
    expect(replay.data?.viewer ?? null).toBeNull();
  });
});

describe("impersonation", () => {
  it("views as a client and exits back to the page it started from", async () => {
    const jar = await signedIn("owner@northwind-msp.test");
    const clients = await (await gql(jar, '{ clients(first: 1, filter: { search: "Fabrikam" }) { edges { node { id } } } }')).json();
    const clientId = clients.data.clients.edges[0].node.id;
    const started = await call(impersonate, "/api/session/impersonate", { clientId, reason: "Ticket 4711", returnTo: "/clients/abc" }, jar);
    expect(await started.clone().json()).toEqual({ ok: true, redirectTo: "/portal" });
    keep(jar, started);
    const asClient = await (await gql(jar, "{ viewer { kind impersonation { actorName subject { subjectName } } } }")).json();
    expect(asClient.data.viewer).toEqual({ kind: "CLIENT", impersonation: { actorName: "Nora Owens", subject: { subjectName: "Fabrikam Dental" } } });
    const exited = await call(exitImpersonation, "/api/session/exit-impersonation", {}, jar);
    expect((await exited.clone().json()).redirectTo).toBe("/clients/abc");
    keep(jar, exited);
    expect((await (await gql(jar, "{ viewer { kind impersonation { actorName } } }")).json()).data.viewer).toEqual({ kind: "STAFF", impersonation: null });
  });

  it("refuses a technician with a plain message and keeps their own session", async () => {
    const jar = await signedIn("tech@northwind-msp.test");
    const clients = await (await gql(jar, "{ clients(first: 1) { edges { node { id } } } }")).json();
    const refused = await call(impersonate, "/api/session/impersonate", { clientId: clients.data.clients.edges[0].node.id, reason: "Looking around" }, jar);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toBe("You are not allowed to view as them.");
    expect((await (await gql(keep(jar, refused), "{ viewer { kind } }")).json()).data.viewer.kind).toBe("STAFF");
  });
});

describe("signing in with a second factor", () => {
  it("enrols the platform admin at first sign-in, then asks for a code, keeping the mfaToken in an httpOnly cookie", async () => {
    const first = await call(login, "/api/session/login", { email: "admin@mspgraph.test", password: "mspgraph-demo" });
    expect(first.status).toBe(401);
    const firstBody = await first.text();
    expect(JSON.parse(firstBody)).toMatchObject({ ok: false, code: "MFA_ENROLLMENT_REQUIRED" });
    expect(firstBody).not.toMatch(/mspm_|eyJ/);
    const [pending] = first.headers.getSetCookie();
    expect(pending).toMatch(/^mspgraph_mfa=.*HttpOnly/i);
    const jar = keep(new Map(), first);

    const started = await (await call(mfaStep, "/api/session/mfa", { action: "start-enrollment" }, jar)).json();
    expect(started.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect((await (await call(mfaStep, "/api/session/mfa", { action: "confirm-enrollment", code: "000000" }, jar)).json()).code).toBe("INVALID_CODE");
    const confirmed = await call(mfaStep, "/api/session/mfa", { action: "confirm-enrollment", code: totpCode(started.secret) }, jar);
    const body = await confirmed.json();
    expect(body).toMatchObject({ ok: true, redirectTo: "/partners" });
    expect(body.recoveryCodes).toHaveLength(10);
    keep(jar, confirmed);
    expect(jar.has("mspgraph_mfa")).toBe(false);
    expect((await (await gql(jar, "{ viewer { email } }")).json()).data.viewer.email).toBe("admin@mspgraph.test");

    const again = await call(login, "/api/session/login", { email: "admin@mspgraph.test", password: "mspgraph-demo" });
    expect((await again.json()).code).toBe("MFA_REQUIRED");
    const second = keep(new Map(), again);
    const verified = await call(mfaStep, "/api/session/mfa", { action: "verify", code: totpCode(started.secret, Date.now() + 30_000) }, second);
    expect(await verified.json()).toEqual({ ok: true, redirectTo: "/partners" });
    expect((await (await gql(keep(second, verified), "{ viewer { email } }")).json()).data.viewer.email).toBe("admin@mspgraph.test");
  });

  it("sends a step without a pending sign-in back to the password", async () => {
    const response = await call(mfaStep, "/api/session/mfa", { action: "verify", code: "123456" });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe("MFA_EXPIRED");
  });
});
