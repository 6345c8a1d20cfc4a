import { DEMO_PASSWORD, seedId } from "@mspgraph/db";
import { signAccessToken } from "@mspgraph/schema/auth-tokens";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./testing/isolation-fixtures.js";
import { type GraphQLResponse, type Subscription, type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const SUBSCRIBE = "subscription { alertChanged { change alert { message client { name } } } }";
const ACK = "mutation ($i: AlertActionInput!) { acknowledgeAlert(input: $i) { alert { status } } }";

describe("alertChanged over server-sent events", () => {
  let t: TestApi;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApi();
    admin = await t.tokenFor("admin@mspgraph.test");
  });
  afterAll(() => t.close());

  async function raise(client: "fabrikam" | "litware", message: string) {
    const partnerKey = client === "fabrikam" ? "northwind-msp" : "contoso-it";
    const alert = await t.database.prisma.alert.create({
      data: { partnerId: seedId("partner", partnerKey), clientId: seedId("client", client), severity: "WARNING", source: "test", message },
    });
    await t.gql(ACK, { i: { id: gid("Alert", alert.id) } }, { token: admin });
  }

  it("delivers changes within the subscriber's reach and never another tenant's", async () => {
    const owner = await t.subscribe(SUBSCRIBE, {}, { token: await t.tokenFor("owner@northwind-msp.test") });
    const clientUser = await t.subscribe(SUBSCRIBE, {}, { token: await t.tokenFor("viewer@fabrikam.test") });
    const other = await t.subscribe(SUBSCRIBE, {}, { token: await t.tokenFor("owner@contoso-it.test") });
    // Give the subscriptions a moment to be registered before publishing.
    await new Promise((resolve) => setTimeout(resolve, 200));

    await raise("litware", "Litware disk full");
    await raise("fabrikam", "Fabrikam printer jammed");

    const first = async (sub: Awaited<ReturnType<TestApi["subscribe"]>>) => {
      const message = (await sub.next()) as GraphQLResponse;
      return message.data?.alertChanged?.alert?.message;
    };
    // Events arrive in publish order: a leak would show up before the subscriber's own event.
    expect(await first(owner)).toBe("Fabrikam printer jammed");
    expect(await first(clientUser)).toBe("Fabrikam printer jammed");
    expect(await first(other)).toBe("Litware disk full");
    expect(await other.next(300)).toBe("timeout");
    for (const sub of [owner, clientUser, other]) sub.close();
  });

  it("refuses anonymous subscribers", async () => {
    const sub = await t.subscribe(SUBSCRIBE);
    const message = (await sub.next()) as GraphQLResponse;
    expect(message.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    sub.close();
  });
});

describe("alertChanged ends when the session does", () => {
  let t: TestApi;
  beforeAll(async () => {
    // Re-checks every 250 ms, so a session ended behind the API's back also ends quickly here.
    t = await createTestApi({ sessionCheckIntervalMs: 250 });
  });
  afterAll(() => t.close());

  const LOGIN = "mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }";
  const signIn = async (email: string) => (await t.gql(LOGIN, { input: { email, password: DEMO_PASSWORD } })).data!.login as { accessToken: string; refreshToken: string };

  // Opens the subscription and waits until it is registered, shown by one event reaching it.
  async function listen(token: string) {
    const sub = await t.subscribe(SUBSCRIBE, {}, { token });
    const alert = await t.database.prisma.alert.create({
      data: { partnerId: seedId("partner", "northwind-msp"), clientId: seedId("client", "fabrikam"), severity: "INFO", source: "test", message: "still listening" },
    });
    for (let tries = 0; tries < 50; tries++) {
      t.api.events.publish("alertChanged", { change: "RAISED", alertId: alert.id, partnerId: alert.partnerId, clientId: alert.clientId });
      const message = await sub.next(100);
      if (message !== "timeout") {
        expect((message as GraphQLResponse).data?.alertChanged?.alert?.message).toBe("still listening");
        return sub;
      }
    }
    throw new Error("the subscription never started");
  }

  async function expectEnded(sub: Subscription) {
    const last = await sub.next(10_000);
    expect(last).not.toBe("timeout");
    expect((last as GraphQLResponse).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await sub.next(10_000)).toBe("complete");
  }

  it("at logout", async () => {
    const { accessToken } = await signIn("tech@northwind-msp.test");
    const sub = await listen(accessToken);
    await t.gql("mutation { logout { ok } }", {}, { token: accessToken });
    await expectEnded(sub);
  });

  it("when the session is revoked (a refresh token used twice)", async () => {
    const { accessToken, refreshToken } = await signIn("owner@northwind-msp.test");
    const sub = await listen(accessToken);
    const REFRESH = "mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }";
    await t.gql(REFRESH, { input: { refreshToken } });
    expect(codeOf(await t.gql(REFRESH, { input: { refreshToken } }))).toBe("UNAUTHENTICATED");
    await expectEnded(sub);
  });

  it("when the impersonation it runs under is stopped", async () => {
    const { accessToken } = await signIn("owner@northwind-msp.test");
    const START = "mutation ($input: StartImpersonationInput!) { startImpersonation(input: $input) { accessToken } }";
    const started = await t.gql(START, { input: { clientId: gid("Client", seedId("client", "fabrikam")), reason: "watch alerts" } }, { token: accessToken });
    const asClient = started.data!.startImpersonation.accessToken as string;
    const sub = await listen(asClient);
    await t.gql("mutation { stopImpersonation { accessToken } }", {}, { token: asClient });
    await expectEnded(sub);
  });

  it("when its access token expires", async () => {
    const { accessToken } = await signIn("tech@northwind-msp.test");
    const claims = decodeJwt(accessToken);
    const short = await signAccessToken({ ...t.auth, accessTokenTtlSeconds: 2 }, { audience: "mspgraph:staff", userId: claims.sub!, sessionId: claims.sid as string });
    const sub = await listen(short.token);
    await expectEnded(sub);
    expect(Date.now()).toBeGreaterThanOrEqual(short.expiresAt.getTime() - 1000);
  });
});

describe("ticketChanged over server-sent events", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  const TICKETS = "subscription { ticketChanged { change ticket { subject } } }";
  const COMMENT = "mutation ($i: AddTicketCommentInput!) { addTicketComment(input: $i) { userErrors { code } } }";
  const STATUS = "mutation ($i: ChangeTicketStatusInput!) { changeTicketStatus(input: $i) { userErrors { code } } }";

  it("tells staff of an internal note and a status change, and the ticket's client users of the status change only", async () => {
    const ticket = await t.database.prisma.ticket.findFirstOrThrow({ where: { clientId: seedId("client", "fabrikam"), status: { not: "IN_PROGRESS" } } });
    const staff = await t.subscribe(TICKETS, {}, { token: await t.tokenFor("tech@northwind-msp.test") });
    const client = await t.subscribe(TICKETS, {}, { token: await t.tokenFor("viewer@fabrikam.test") });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const token = await t.tokenFor("tech@northwind-msp.test");
    await t.gql(COMMENT, { i: { ticketId: gid("Ticket", ticket.id), body: "Internal only", hidden: true } }, { token });
    await t.gql(STATUS, { i: { id: gid("Ticket", ticket.id), status: "IN_PROGRESS" } }, { token });

    const change = async (sub: Subscription) => ((await sub.next()) as GraphQLResponse).data?.ticketChanged?.change;
    expect([await change(staff), await change(staff)]).toEqual(["COMMENTED", "UPDATED"]);
    // Events arrive in publish order: a leaked note would come before the status change.
    expect(await change(client)).toBe("UPDATED");
    expect(await client.next(300)).toBe("timeout");
    for (const sub of [staff, client]) sub.close();
  });
});
