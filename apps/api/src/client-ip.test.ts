import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "@mspgraph/db";
import { MAX_IP_FAILURES } from "@mspgraph/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi, serveOverSocket } from "./testing/test-api.js";

const LOGIN = "mutation ($input: LoginInput!) { login(input: $input) { accessToken mfaToken userErrors { code } } }";
// The API below trusts one proxy network (a load balancer at 10.0.0.x).
const PROXY = "10.0.0.1";

describe("the client's address", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi({ trustedProxies: "10.0.0.0/24" });
  });
  afterAll(() => t.close());

  const failedLogin = async (options: { remoteAddress?: string; forwardedFor?: string; email?: string }) => {
    const email = options.email ?? `nobody-${randomUUID()}@northwind-msp.test`;
    const headers: Record<string, string> = options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {};
    await t.gql(LOGIN, { input: { email, password: "wrong" } }, { remoteAddress: options.remoteAddress, headers });
    const event = await t.database.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.login" }, orderBy: { at: "desc" } });
    return event.ip;
  };

  it("is the peer's address when the peer is not a trusted proxy: a forged X-Forwarded-For never reaches the audit trail", async () => {
    expect(await failedLogin({ remoteAddress: "198.51.100.66", forwardedFor: "203.0.113.99" })).toBe("198.51.100.66");
  });

  it("walks X-Forwarded-For from the right past trusted proxies, ignoring what the caller wrote before them", async () => {
    expect(await failedLogin({ remoteAddress: PROXY, forwardedFor: "6.6.6.6, 203.0.113.5, 10.0.0.2" })).toBe("203.0.113.5");
    expect(await failedLogin({ remoteAddress: `::ffff:${PROXY}`, forwardedFor: "203.0.113.6" })).toBe("203.0.113.6");
  });

  it("over a real socket is the socket's peer, whatever the header says", async () => {
    const server = await serveOverSocket(t.api);
    try {
      await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.77" },
        body: JSON.stringify({ query: LOGIN, variables: { input: { email: "owner@northwind-msp.test", password: "wrong" } } }),
      });
    } finally {
      await server.close();
    }
    const event = await t.database.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.login" }, orderBy: { at: "desc" } });
    expect(event.ip).toBe("127.0.0.1");
  });
});

describe("sign-in throttling by the real address", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi({ trustedProxies: "10.0.0.0/24" });
  });
  afterAll(() => t.close());

  const attempt = (options: { remoteAddress: string; forwardedFor?: string; email?: string; password?: string }) =>
    t.gql(LOGIN, { input: { email: options.email ?? `nobody-${randomUUID()}@northwind-msp.test`, password: options.password ?? "wrong" } }, {
      remoteAddress: options.remoteAddress,
      headers: options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {},
    });

  it("cannot be escaped by a new X-Forwarded-For on every try", async () => {
    for (let i = 0; i < MAX_IP_FAILURES; i++) await attempt({ remoteAddress: "198.51.100.7", forwardedFor: `192.0.2.${i}` });
    const next = await attempt({ remoteAddress: "198.51.100.7", forwardedFor: "192.0.2.200", email: "tech@northwind-msp.test", password: DEMO_PASSWORD });
    expect(codeOf(next)).toBe("RATE_LIMITED");
  });

  it("cannot be turned against a victim by forging the victim's address", async () => {
    for (let i = 0; i < MAX_IP_FAILURES; i++) await attempt({ remoteAddress: "198.51.100.8", forwardedFor: "203.0.113.20" });
    // The victim comes through the trusted load balancer, which names the victim's real address.
    const victim = await attempt({ remoteAddress: PROXY, forwardedFor: "203.0.113.20", email: "owner@contoso-it.test", password: DEMO_PASSWORD });
    expect(victim.data?.login.accessToken).toEqual(expect.any(String));
  });

  it("counts an IPv6 caller by its /64, so stepping through its addresses does not help", async () => {
    for (let i = 1; i <= MAX_IP_FAILURES; i++) await attempt({ remoteAddress: `2001:db8:5:6::${i.toString(16)}` });
    const next = await attempt({ remoteAddress: "2001:db8:5:6:ffff::1", email: "admin@mspgraph.test", password: DEMO_PASSWORD });
    expect(codeOf(next)).toBe("RATE_LIMITED");
    const neighbour = await attempt({ remoteAddress: "2001:db8:5:7::1", email: "admin@mspgraph.test", password: DEMO_PASSWORD });
    // The password was right: a platform admin goes on to the second factor.
    expect(neighbour.data?.login.mfaToken).toEqual(expect.any(String));
  });
});
