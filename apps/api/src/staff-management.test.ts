import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./testing/isolation-fixtures.js";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const PASSWORD = "a good long password";
const INVITE = "mutation ($i: InviteStaffUserInput!) { inviteStaffUser(input: $i) { staffUser { id role status } invitationLink userErrors { field code } } }";
const UPDATE = "mutation ($i: UpdateStaffUserInput!) { updateStaffUser(input: $i) { staffUser { id name role } userErrors { field code } } }";
const DISABLE = "mutation ($i: StaffUserIdInput!) { disableStaffUser(input: $i) { staffUser { id status } userErrors { field code } } }";
const ENABLE = "mutation ($i: StaffUserIdInput!) { enableStaffUser(input: $i) { staffUser { id status } userErrors { field code } } }";
const REMOVE = "mutation ($i: StaffUserIdInput!) { removeStaffUser(input: $i) { staffUser { id } userErrors { field code } } }";
const ACCEPT = "mutation ($i: AcceptStaffInvitationInput!) { acceptStaffInvitation(input: $i) { ok userErrors { code } } }";
const VIEWER = "{ viewer { name staffRole } }";
const nora = gid("StaffUser", seedId("staff", "owner@northwind-msp.test"));
const theo = gid("StaffUser", seedId("staff", "tech@northwind-msp.test"));

describe("partner staff management", () => {
  let t: TestApi;
  let owner: string;
  const run = async (mutation: string, i: Record<string, unknown>, token: string) => {
    const result = await t.gql(mutation, { i }, { token });
    return Object.values(result.data ?? {})[0] as { staffUser: { id: string } | null; userErrors: Array<{ field: string; code: string }> };
  };
  const codes = (payload: { userErrors: Array<{ code: string }> }) => payload.userErrors.map((e) => e.code);
  /** Invites a colleague (as `by`), accepts the emailed link and signs them in. */
  const join = async (email: string, role: string, by = owner) => {
    const invited = (await t.gql(INVITE, { i: { email, name: email.split("@")[0], role } }, { token: by })).data!.inviteStaffUser;
    const token = new URL(invited.invitationLink).searchParams.get("token")!;
    expect((await t.gql(ACCEPT, { i: { token, password: PASSWORD } })).data!.acceptStaffInvitation.ok).toBe(true);
    return { id: invited.staffUser.id as string, token: (await t.signIn(email, PASSWORD)).accessToken };
  };

  beforeAll(async () => {
    t = await createTestApi();
    owner = await t.tokenFor("owner@northwind-msp.test");
  });
  afterAll(() => t.close());

  it("keeps the last active owner: not removed, disabled or demoted until another owner has accepted", async () => {
    for (const [mutation, i] of [[REMOVE, { id: nora }], [DISABLE, { id: nora }], [UPDATE, { id: nora, role: "ADMIN" }]] as const) {
      expect(codes(await run(mutation, i, owner))).toEqual(["CONFLICT"]);
    }
    // An owner who has not accepted yet is not an active one.
    const invited = (await t.gql(INVITE, { i: { email: "olive@northwind-msp.test", name: "Olive", role: "OWNER" } }, { token: owner })).data!.inviteStaffUser;
    expect(invited).toMatchObject({ staffUser: { role: "OWNER", status: "INVITED" }, userErrors: [] });
    expect(codes(await run(UPDATE, { id: nora, role: "ADMIN" }, owner))).toEqual(["CONFLICT"]);
    await t.gql(ACCEPT, { i: { token: new URL(invited.invitationLink).searchParams.get("token"), password: PASSWORD } });
    const olive = { id: invited.staffUser.id as string, token: (await t.signIn("olive@northwind-msp.test", PASSWORD)).accessToken };

    // With two active owners, either may disable, demote or re-enable the other, but nobody removes or disables themselves.
    expect(codes(await run(REMOVE, { id: nora }, owner))).toEqual(["FORBIDDEN"]);
    expect(codes(await run(DISABLE, { id: olive.id }, olive.token))).toEqual(["FORBIDDEN"]);
    expect(await run(DISABLE, { id: nora }, olive.token)).toEqual({ staffUser: { id: nora, status: "DISABLED" }, userErrors: [] });
    expect(codes(await run(UPDATE, { id: olive.id, role: "ADMIN" }, olive.token))).toEqual(["CONFLICT"]);
    expect(await run(ENABLE, { id: nora }, olive.token)).toEqual({ staffUser: { id: nora, status: "ACTIVE" }, userErrors: [] });
    owner = (await t.signIn("owner@northwind-msp.test")).accessToken;
    expect((await run(UPDATE, { id: olive.id, role: "ADMIN" }, owner)).userErrors).toEqual([]);
    expect((await run(UPDATE, { id: olive.id, role: "OWNER" }, owner)).userErrors).toEqual([]);

    // Both owners demoting themselves at the same moment: the partner's staff lock lets one through.
    const [a, b] = await Promise.all([run(UPDATE, { id: nora, role: "ADMIN" }, owner), run(UPDATE, { id: olive.id, role: "ADMIN" }, olive.token)]);
    expect([...codes(a), ...codes(b)]).toEqual(["CONFLICT"]);
    expect(await t.database.prisma.staffUser.count({ where: { partnerId: seedId("partner", "northwind-msp"), role: "OWNER" } })).toBe(1);
    if (codes(a).length === 0) await run(UPDATE, { id: nora, role: "OWNER" }, (await t.signIn("olive@northwind-msp.test", PASSWORD)).accessToken);
    owner = (await t.signIn("owner@northwind-msp.test")).accessToken;
    expect((await t.gql(VIEWER, {}, { token: owner })).data!.viewer.staffRole).toBe("OWNER");
  });

  it("lets an ADMIN manage staff but not grant OWNER, touch an owner or make a platform admin", async () => {
    const ada = await join("ada@northwind-msp.test", "ADMIN");
    expect(codes((await t.gql(INVITE, { i: { email: "own@northwind-msp.test", name: "Own", role: "OWNER" } }, { token: ada.token })).data!.inviteStaffUser)).toEqual(["FORBIDDEN"]);
    expect(codes((await t.gql(INVITE, { i: { email: "pa@northwind-msp.test", name: "Pa", role: "PLATFORM_ADMIN" } }, { token: owner })).data!.inviteStaffUser)).toEqual(["FORBIDDEN"]);
    expect(codes(await run(UPDATE, { id: theo, role: "OWNER" }, ada.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await run(UPDATE, { id: nora, name: "Renamed" }, ada.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await run(DISABLE, { id: nora }, ada.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await run(REMOVE, { id: nora }, ada.token))).toEqual(["FORBIDDEN"]);
    expect(await run(UPDATE, { id: theo, name: "Theo M.", role: "ADMIN" }, ada.token)).toEqual({ staffUser: { id: theo, name: "Theo M.", role: "ADMIN" }, userErrors: [] });
    expect((await run(UPDATE, { id: theo, name: "Theo Marsh", role: "TECHNICIAN" }, ada.token)).userErrors).toEqual([]);
    expect(codes(await run(UPDATE, { id: theo, name: "  " }, ada.token))).toEqual(["BAD_USER_INPUT"]);
    const again = (await t.gql(INVITE, { i: { email: "TECH@northwind-msp.test", name: "Twice", role: "TECHNICIAN" } }, { token: ada.token })).data!.inviteStaffUser;
    expect(again).toMatchObject({ staffUser: null, userErrors: [{ field: "email", code: "CONFLICT" }] });
  });

  it("refuses technicians, client users, platform admins acting as themselves, anonymous callers and other partners", async () => {
    const tech = await t.tokenFor("tech@northwind-msp.test");
    const otherOwner = await t.tokenFor("owner@contoso-it.test");
    const clientAdmin = await t.tokenFor("admin@fabrikam.test");
    const platform = await t.tokenFor("admin@mspgraph.test");
    for (const [mutation, i] of [[INVITE, { email: "x@northwind-msp.test", name: "X", role: "TECHNICIAN" }], [UPDATE, { id: theo, name: "X" }], [DISABLE, { id: theo }], [ENABLE, { id: theo }], [REMOVE, { id: theo }]] as const) {
      expect(codeOf(await t.gql(mutation, { i }, { token: tech }))).toBe("FORBIDDEN");
      expect(codeOf(await t.gql(mutation, { i }, { token: clientAdmin }))).toBe("FORBIDDEN");
      expect(codeOf(await t.gql(mutation, { i }, { token: platform }))).toBe("FORBIDDEN");
      expect(codeOf(await t.gql(mutation, { i }))).toBe("UNAUTHENTICATED");
      if (mutation !== INVITE) expect(codeOf(await t.gql(mutation, { i }, { token: otherOwner }))).toBe("NOT_FOUND");
    }
    expect((await t.gql("{ node(id: $id) { ... on StaffUser { name role } } }".replace("$id", JSON.stringify(theo)), {}, { token: otherOwner })).data?.node ?? null).toBeNull();
    const asTech = await t.gql("{ viewer { partner { staffUsers(first: 10) { edges { node { name status invitationExpiresAt } } } } } }", {}, { token: tech });
    expect(codeOf(asTech)).toBe("FORBIDDEN");
    expect((await t.database.prisma.staffUser.findUnique({ where: { id: seedId("staff", "tech@northwind-msp.test") } }))?.disabledAt).toBeNull();
  });

  it("ends a disabled member's sessions and impersonations at once; enabling lets them sign in again", async () => {
    const eve = await join("eve@northwind-msp.test", "ADMIN");
    const signedIn = await t.signIn("eve@northwind-msp.test", PASSWORD);
    const impersonating = (
      await t.gql("mutation ($i: StartImpersonationInput!) { startImpersonation(input: $i) { accessToken } }", { i: { clientId: gid("Client", seedId("client", "fabrikam")), reason: "support" } }, { token: eve.token })
    ).data!.startImpersonation.accessToken;
    expect((await t.gql(VIEWER, {}, { token: impersonating })).data!.viewer).toBeTruthy();

    expect((await run(DISABLE, { id: eve.id }, owner)).userErrors).toEqual([]);
    for (const token of [eve.token, signedIn.accessToken, impersonating]) {
      const refused = await t.gql(VIEWER, {}, { token });
      expect([refused.status, codeOf(refused)]).toEqual([401, "UNAUTHENTICATED"]);
    }
    const refresh = await t.gql("mutation ($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken } }", { t: signedIn.refreshToken });
    expect(codeOf(refresh)).toBe("UNAUTHENTICATED");
    await expect(t.signIn("eve@northwind-msp.test", PASSWORD)).rejects.toThrow();
    expect(await t.database.prisma.authSession.count({ where: { staffUser: { email: "eve@northwind-msp.test" }, revokedAt: null } })).toBe(0);

    expect(await run(ENABLE, { id: eve.id }, owner)).toEqual({ staffUser: { id: eve.id, status: "ACTIVE" }, userErrors: [] });
    expect((await t.gql(VIEWER, {}, { token: (await t.signIn("eve@northwind-msp.test", PASSWORD)).accessToken })).data!.viewer.name).toBe("eve");
  });

  it("removes a member: their tickets become unassigned, they cannot sign in, and the audit trail names them", async () => {
    const theoId = seedId("staff", "tech@northwind-msp.test");
    const tech = await t.tokenFor("tech@northwind-msp.test");
    expect(await t.database.prisma.ticket.count({ where: { assigneeId: theoId } })).toBeGreaterThan(0);
    expect(await run(REMOVE, { id: theo }, owner)).toEqual({ staffUser: null, userErrors: [] });
    expect(await t.database.prisma.ticket.count({ where: { assigneeId: theoId } })).toBe(0);
    expect(codeOf(await t.gql(VIEWER, {}, { token: tech }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await t.gql(REMOVE, { i: { id: theo } }, { token: owner }))).toBe("NOT_FOUND");
    const events = await t.database.prisma.auditEvent.findMany({ where: { action: { in: ["mutation.removeStaffUser", "mutation.disableStaffUser"] }, outcome: "SUCCESS" }, orderBy: { seq: "asc" } });
    expect(events.at(-1)).toMatchObject({ action: "mutation.removeStaffUser", targetType: "StaffUser", targetId: theoId, partnerId: seedId("partner", "northwind-msp") });
    expect(events.length).toBeGreaterThanOrEqual(3);
  });
});
