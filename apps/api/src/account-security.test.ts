import { DEMO_PASSWORD } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, codeOf, createTestApi, totpCode } from "./testing/test-api.js";

const CHANGE = "mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { ok userErrors { field code message } } }";
const SESSIONS = "{ viewer { sessions { id current ip userAgent createdAt lastUsedAt } } }";
const END = "mutation ($input: EndSessionInput!) { endSession(input: $input) { ok } }";
const LOGIN = "mutation ($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }";
const viewerOf = (t: TestApi, token: string) => t.gql("{ viewer { email } }", {}, { token });

describe("changing a password", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());
  const change = (token: string, currentPassword: string, newPassword: string) => t.gql(CHANGE, { input: { currentPassword, newPassword } }, { token }).then((r) => r.data!.changePassword);

  it("needs the current password, 12 characters and an uncommon password", async () => {
    const { accessToken } = await t.signIn("tech@contoso-it.test");
    expect(await change(accessToken, "not it at all", "a brand new passphrase")).toMatchObject({ ok: false, userErrors: [{ field: "currentPassword", code: "INVALID_CREDENTIALS" }] });
    expect(await change(accessToken, DEMO_PASSWORD, "short one")).toMatchObject({ ok: false, userErrors: [{ field: "newPassword", code: "BAD_USER_INPUT" }] });
    // Twelve characters, and among the most common passwords.
    const common = await change(accessToken, DEMO_PASSWORD, "qwerty123456");
    expect(common).toMatchObject({ ok: false, userErrors: [{ field: "newPassword", code: "BAD_USER_INPUT" }] });
    expect(common.userErrors[0].message).toMatch(/common/);
    expect((await t.gql(LOGIN, { input: { email: "tech@contoso-it.test", password: DEMO_PASSWORD } })).data!.login.accessToken).toEqual(expect.any(String));
  });

  it("signs out every other session of the user and keeps this one", async () => {
    const here = await t.signIn("owner@contoso-it.test");
    const elsewhere = await t.signIn("owner@contoso-it.test");
    const colleague = await t.signIn("tech@contoso-it.test");
    // Someone else, with the old password, halfway through a sign-in that needs the second factor.
    const token = here.accessToken;
    const { secret } = (await t.gql("mutation { startTotpEnrollment { secret } }", {}, { token })).data!.startTotpEnrollment;
    await t.gql("mutation ($input: ConfirmTotpEnrollmentInput!) { confirmTotpEnrollment(input: $input) { recoveryCodes } }", { input: { code: totpCode(secret) } }, { token });
    const halfway = (await t.gql("mutation ($input: LoginInput!) { login(input: $input) { mfaToken } }", { input: { email: "owner@contoso-it.test", password: DEMO_PASSWORD } })).data!.login.mfaToken;
    expect(await change(here.accessToken, DEMO_PASSWORD, "correct horse battery staple")).toEqual({ ok: true, userErrors: [] });
    expect((await viewerOf(t, here.accessToken)).data!.viewer.email).toBe("owner@contoso-it.test");
    expect((await viewerOf(t, elsewhere.accessToken)).status).toBe(401);
    expect((await viewerOf(t, colleague.accessToken)).data!.viewer.email).toBe("tech@contoso-it.test");
    expect((await t.gql(LOGIN, { input: { email: "owner@contoso-it.test", password: DEMO_PASSWORD } })).data!.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    expect(codeOf(await t.gql("mutation ($input: VerifyMfaInput!) { verifyMfa(input: $input) { accessToken } }", { input: { mfaToken: halfway, code: await t.totpCodeFor("owner@contoso-it.test") } }))).toBe("UNAUTHENTICATED");
    expect((await t.signIn("owner@contoso-it.test", "correct horse battery staple")).accessToken).toEqual(expect.any(String));
    const trail = JSON.stringify(await t.database.prisma.auditEvent.findMany({ where: { action: "mutation.changePassword" } }));
    expect(trail).toContain("newPassword");
    expect(trail).not.toContain("correct horse battery staple");
  });

  it("applies the same rule to an invitation's password", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const invite = await t.gql("mutation ($i: InviteClientUserInput!) { inviteClientUser(input: $i) { invitationToken } }", { i: { clientId: await firstClientId(t, owner), email: "common@fabrikam.test", name: "Common", role: "VIEW_ONLY" } }, { token: owner });
    const token = invite.data!.inviteClientUser.invitationToken;
    const accept = (password: string) => t.gql("mutation ($i: AcceptClientInvitationInput!) { acceptClientInvitation(input: $i) { ok userErrors { field code } } }", { i: { token, password } }).then((r) => r.data!.acceptClientInvitation);
    expect(await accept("password1234")).toEqual({ ok: false, userErrors: [{ field: "password", code: "BAD_USER_INPUT" }] });
    expect((await accept("a much less common passphrase")).ok).toBe(true);
  });
});

async function firstClientId(t: TestApi, token: string): Promise<string> {
  return (await t.gql("{ clients(first: 1) { edges { node { id } } } }", {}, { token })).data!.clients.edges[0].node.id;
}

describe("signed-in devices", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  it("lists the viewer's sessions and ends any of them", async () => {
    const laptop = await t.signIn("viewer@fabrikam.test");
    const tablet = await t.signIn("viewer@fabrikam.test");
    const sessions = (await t.gql(SESSIONS, {}, { token: laptop.accessToken })).data!.viewer.sessions as Array<{ id: string; current: boolean; ip: string }>;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    expect((await t.gql(END, { input: { id: other.id } }, { token: laptop.accessToken })).data!.endSession).toEqual({ ok: true });
    expect((await viewerOf(t, tablet.accessToken)).status).toBe(401);
    expect((await t.gql(SESSIONS, {}, { token: laptop.accessToken })).data!.viewer.sessions).toHaveLength(1);
    // Another user's session looks like no session at all.
    const stranger = await t.tokenFor("admin@litware.test");
    const mine = (await t.gql(SESSIONS, {}, { token: laptop.accessToken })).data!.viewer.sessions[0].id;
    expect(codeOf(await t.gql(END, { input: { id: mine } }, { token: stranger }))).toBe("NOT_FOUND");
    expect((await viewerOf(t, laptop.accessToken)).data!.viewer.email).toBe("viewer@fabrikam.test");
  });

  it("lets a partner OWNER or ADMIN end a staff member's sessions, and not the other way round", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const tech = await t.signIn("tech@northwind-msp.test");
    const staff = await t.gql("{ viewer { partner { staffUsers(first: 10) { edges { node { email sessions { id } } } } } } }", {}, { token: owner });
    const techRow = staff.data!.viewer.partner.staffUsers.edges.find((e: { node: { email: string } }) => e.node.email === "tech@northwind-msp.test").node;
    expect(techRow.sessions.length).toBeGreaterThan(0);
    const ownerSessions = (await t.gql(SESSIONS, {}, { token: owner })).data!.viewer.sessions;
    expect(codeOf(await t.gql(END, { input: { id: ownerSessions[0].id } }, { token: tech.accessToken }))).toBe("NOT_FOUND");
    expect(codeOf(await t.gql("{ viewer { partner { staffUsers(first: 10) { edges { node { sessions { id } } } } } } }", {}, { token: tech.accessToken }))).toBe("FORBIDDEN");
    for (const session of techRow.sessions) await t.gql(END, { input: { id: session.id } }, { token: owner });
    expect((await viewerOf(t, tech.accessToken)).status).toBe(401);
    // A manager cannot reach another partner's staff.
    const contosoOwner = await t.tokenFor("owner@contoso-it.test");
    expect(codeOf(await t.gql(END, { input: { id: ownerSessions[0].id } }, { token: contosoOwner }))).toBe("NOT_FOUND");
  });
});
