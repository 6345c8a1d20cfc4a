import { seedId } from "@mspgraph/db";
import { signAccessToken } from "@mspgraph/schema/auth-tokens";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./testing/isolation-fixtures.js";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const START = `mutation ($input: StartImpersonationInput!) { startImpersonation(input: $input) { accessToken expiresAt userErrors { field code }
  viewer { kind staffRole clientRole name impersonation { actorName reason expiresAt subject { subjectType subjectName } chain { actorName subjectType subjectName } } } } }`;
const STOP = "mutation { stopImpersonation { accessToken expiresAt viewer { staffRole clientRole impersonation { chain { subjectName } } } userErrors { code } } }";
const northwind = gid("Partner", seedId("partner", "northwind-msp"));
const fabrikam = gid("Client", seedId("client", "fabrikam"));
const litware = gid("Client", seedId("client", "litware"));

describe("impersonation", () => {
  let t: TestApi;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApi();
    admin = await t.tokenFor("admin@mspgraph.test");
  });
  afterAll(() => t.close());

  const start = (token: string, input: Record<string, unknown>) => t.gql(START, { input }, { token });

  it("walks the chain platform -> partner -> client and back, recording it whole", async () => {
    const before = Date.now();
    const asPartner = (await start(admin, { partnerId: northwind, reason: "Ticket 4711" })).data!.startImpersonation;
    expect(asPartner.viewer).toMatchObject({
      kind: "STAFF",
      staffRole: "ADMIN",
      name: "Pat Admin",
      impersonation: { actorName: "Pat Admin", reason: "Ticket 4711", subject: { subjectType: "PARTNER", subjectName: "Northwind MSP" } },
    });
    expect(new Date(asPartner.expiresAt).getTime() - before).toBeLessThanOrEqual(30 * 60_000 + 1000);
    const claims = decodeJwt(asPartner.accessToken);
    expect(claims.act).toEqual({ sub: seedId("staff", "admin@mspgraph.test") });

    const partnerClients = await t.gql("{ clients(first: 10) { edges { node { name } } } }", {}, { token: asPartner.accessToken });
    expect(partnerClients.data!.clients.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(["Fabrikam Dental", "Tailspin Veterinary"]);

    const asClient = (await start(asPartner.accessToken, { clientId: fabrikam, reason: "Ticket 4711" })).data!.startImpersonation;
    expect(asClient.viewer).toMatchObject({ kind: "CLIENT", clientRole: "ADMIN", impersonation: { subject: { subjectType: "CLIENT", subjectName: "Fabrikam Dental" } } });
    expect(asClient.viewer.impersonation.chain.map((l: { subjectName: string }) => l.subjectName)).toEqual(["Northwind MSP", "Fabrikam Dental"]);
    expect(new Date(asClient.expiresAt).getTime()).toBeLessThanOrEqual(new Date(asPartner.expiresAt).getTime());
    expect(codeOf(await t.gql("{ clients(first: 10) { totalCount } }", {}, { token: asClient.accessToken }))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql("query ($id: ID!) { client(id: $id) { name } }", { id: litware }, { token: asClient.accessToken }))).toBe("NOT_FOUND");

    const back = (await t.gql(STOP, {}, { token: asClient.accessToken })).data!.stopImpersonation;
    expect(back.viewer).toEqual({ staffRole: "ADMIN", clientRole: null, impersonation: { chain: [{ subjectName: "Northwind MSP" }] } });
    expect(codeOf(await t.gql("{ viewer { name } }", {}, { token: asClient.accessToken }))).toBe("UNAUTHENTICATED");
    const home = (await t.gql(STOP, {}, { token: back.accessToken })).data!.stopImpersonation;
    expect(home.viewer).toEqual({ staffRole: "PLATFORM_ADMIN", clientRole: null, impersonation: null });

    const events = await t.database.prisma.auditEvent.findMany({ where: { action: { startsWith: "impersonation." } }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["impersonation.started", "impersonation.started", "impersonation.stopped", "impersonation.stopped"]);
    expect(new Set(events.map((e) => e.actorId))).toEqual(new Set([seedId("staff", "admin@mspgraph.test")]));
    expect(new Set(events.map((e) => e.actorLabel))).toEqual(new Set(["admin@mspgraph.test"]));
    expect((events[1]!.impersonation as Array<{ subjectName: string }>).map((l) => l.subjectName)).toEqual(["Northwind MSP"]);
  });

  it("lets a partner OWNER impersonate their own clients only", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const ok = (await start(owner, { clientId: fabrikam, reason: "Walk the customer through the portal" })).data!.startImpersonation;
    expect(ok.viewer.clientRole).toBe("ADMIN");
    expect(codeOf(await start(owner, { clientId: litware, reason: "nosy" }))).toBe("NOT_FOUND");
    expect(codeOf(await start(owner, { partnerId: northwind, reason: "nope" }))).toBe("FORBIDDEN");
  });

  it("refuses technicians, client users, direct platform->client jumps and impersonation from a client session", async () => {
    expect(codeOf(await start(await t.tokenFor("tech@northwind-msp.test"), { clientId: fabrikam, reason: "try" }))).toBe("FORBIDDEN");
    expect(codeOf(await start(await t.tokenFor("admin@fabrikam.test"), { clientId: fabrikam, reason: "try" }))).toBe("FORBIDDEN");
    expect(codeOf(await start(admin, { clientId: fabrikam, reason: "shortcut" }))).toBe("FORBIDDEN");
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const asClient = (await start(owner, { clientId: fabrikam, reason: "support" })).data!.startImpersonation.accessToken;
    expect(codeOf(await start(asClient, { clientId: fabrikam, reason: "deeper" }))).toBe("FORBIDDEN");
  });

  it("keeps an impersonated partner inside its own reach", async () => {
    const asPartner = (await start(admin, { partnerId: northwind, reason: "support" })).data!.startImpersonation.accessToken;
    expect(codeOf(await start(asPartner, { clientId: litware, reason: "outside" }))).toBe("NOT_FOUND");
  });

  it("never lets an impersonated session manage the actor's own account", async () => {
    const asPartner = (await start(admin, { partnerId: northwind, reason: "support" })).data!.startImpersonation.accessToken;
    expect(codeOf(await t.gql("mutation { logout(input: { allSessions: true }) { ok } }", {}, { token: asPartner }))).toBe("FORBIDDEN");
    expect(codeOf(await t.gql('mutation { createApiKey(input: { name: "sneaky", scopes: [WRITE] }) { key } }', {}, { token: asPartner }))).toBe("FORBIDDEN");
  });

  it("ends with the session it was started from", async () => {
    const login = await t.gql('mutation { login(input: { email: "owner@contoso-it.test", password: "mspgraph-demo" }) { accessToken } }');
    const own = login.data!.login.accessToken;
    const asClient = (await start(own, { clientId: litware, reason: "support" })).data!.startImpersonation.accessToken;
    await t.gql("mutation { logout { ok } }", {}, { token: own });
    expect(codeOf(await t.gql("{ viewer { name } }", {}, { token: asClient }))).toBe("UNAUTHENTICATED");
  });

  it("stopImpersonation without an impersonation is a CONFLICT", async () => {
    const r = await t.gql(STOP, {}, { token: await t.tokenFor("tech@northwind-msp.test") });
    expect(r.data!.stopImpersonation.userErrors).toEqual([{ code: "CONFLICT" }]);
  });

  describe("stopping hands back no more time than the token that started it had", () => {
    // A token for a fresh session of `email` that expires in `seconds`, like one near its end.
    async function shortToken(email: string, seconds: number) {
      const sessionId = decodeJwt((await t.signIn(email)).accessToken).sid as string;
      const token = await signAccessToken({ ...t.auth, accessTokenTtlSeconds: seconds }, { audience: "mspgraph:staff", userId: seedId("staff", email), sessionId });
      return { token: token.token, exp: decodeJwt(token.token).exp! };
    }
    const stop = async (token: string) => (await t.gql(STOP, {}, { token })).data!.stopImpersonation as { accessToken: string | null; expiresAt: string | null };

    it("for a partner OWNER looping start/stop", async () => {
      const own = await shortToken("owner@northwind-msp.test", 60);
      let token = own.token;
      for (let i = 0; i < 4; i++) {
        const asClient = (await start(token, { clientId: fabrikam, reason: "loop" })).data!.startImpersonation.accessToken;
        const back = await stop(asClient);
        expect(back.accessToken).toBeTruthy();
        expect(decodeJwt(back.accessToken!).exp).toBeLessThanOrEqual(own.exp);
        expect(new Date(back.expiresAt!).getTime()).toBeLessThanOrEqual(own.exp * 1000);
        token = back.accessToken!;
      }
      expect((await t.gql("{ viewer { staffRole } }", {}, { token })).data!.viewer.staffRole).toBe("OWNER");
    });

    it("for a platform admin looping through a partner and a client", async () => {
      const own = await shortToken("admin@mspgraph.test", 60);
      let token = own.token;
      for (let i = 0; i < 3; i++) {
        const asPartner = (await start(token, { partnerId: northwind, reason: "loop" })).data!.startImpersonation.accessToken;
        const asClient = (await start(asPartner, { clientId: fabrikam, reason: "loop" })).data!.startImpersonation.accessToken;
        const partnerAgain = await stop(asClient);
        const home = await stop(partnerAgain.accessToken!);
        expect(decodeJwt(home.accessToken!).exp).toBeLessThanOrEqual(own.exp);
        token = home.accessToken!;
      }
    });

    it("and none once it has expired: the actor refreshes their own session", async () => {
      const own = await shortToken("owner@northwind-msp.test", 2);
      const asClient = (await start(own.token, { clientId: fabrikam, reason: "outlive" })).data!.startImpersonation.accessToken;
      await new Promise((resolve) => setTimeout(resolve, own.exp * 1000 - Date.now() + 200));
      expect(await stop(asClient)).toMatchObject({ accessToken: null, expiresAt: null });
    });
  });
});
