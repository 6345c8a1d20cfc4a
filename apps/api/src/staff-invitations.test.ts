import { seedId } from "@mspgraph/db";
import { createLogger, processDueMail } from "@mspgraph/schema/server";
import { type TestSmtpServer, startTestSmtpServer } from "@mspgraph/schema/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./testing/isolation-fixtures.js";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const FROM = "Northwind IT <it@northwind.example>";
const PASSWORD = "a good long password";
const INVITE = "mutation ($i: InviteStaffUserInput!) { inviteStaffUser(input: $i) { staffUser { id status invitationExpiresAt } invitationLink userErrors { code } } }";
const RESEND = "mutation ($i: StaffInvitationInput!) { resendStaffInvitation(input: $i) { staffUser { id } invitationLink userErrors { field code } } }";
const REVOKE = "mutation ($i: StaffInvitationInput!) { revokeStaffInvitation(input: $i) { staffUser { id status invitationExpiresAt } userErrors { field code } } }";
const ACCEPT = "mutation ($i: AcceptStaffInvitationInput!) { acceptStaffInvitation(input: $i) { ok userErrors { field message code } } }";
const PREVIEW = "query ($token: String!) { invitation(token: $token) { kind inviteeName partnerName clientName logoUrl primaryColor accentColor expiresAt } }";
const tokenIn = (link: string) => new URL(link).searchParams.get("token")!;

describe("staff invitations, emailed over SMTP", () => {
  let t: TestApi;
  let smtp: TestSmtpServer;
  let owner: string;
  const send = () =>
    processDueMail({ database: t.database, keyRing: t.keyRing, smtpUrl: smtp.url, from: FROM, logger: createLogger({ level: "debug", destination: { write: (line: string) => void t.logs.push(line) } }) });
  const invite = async (email: string, role = "TECHNICIAN") => (await t.gql(INVITE, { i: { email, name: "Ivy Staff", role } }, { token: owner })).data!.inviteStaffUser;
  const accept = async (token: string) => (await t.gql(ACCEPT, { i: { token, password: PASSWORD } })).data!.acceptStaffInvitation;
  const mailedToken = async (index: number) => {
    await send();
    const mail = (await smtp.waitFor(index + 1))[index]!;
    return tokenIn(mail.text!.match(/https:\/\/\S+/)![0]);
  };

  beforeAll(async () => {
    t = await createTestApi({ mail: { publicUrl: "https://app.example.test", from: FROM, delivers: true } });
    smtp = await startTestSmtpServer();
    owner = await t.tokenFor("owner@northwind-msp.test");
  });
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  it("emails a one-time link valid 7 days to /accept-invitation, whose page names the partner; it sets the password once", async () => {
    const invited = await invite("ivy@northwind-msp.test");
    expect(invited).toMatchObject({ staffUser: { status: "INVITED" }, invitationLink: null, userErrors: [] });
    expect(Math.abs(new Date(invited.staffUser.invitationExpiresAt).getTime() - Date.now() - 7 * 24 * 3600_000)).toBeLessThan(60_000);
    await send();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(["ivy@northwind-msp.test"]);
    expect(mail!.subject).toBe("You are invited to join Northwind MSP on mspgraph");
    expect(mail!.text).toContain("Nora Owens has invited you");
    const link = mail!.text!.match(/https:\/\/\S+/)![0];
    expect(link).toMatch(/^https:\/\/app\.example\.test\/accept-invitation\?token=mspi_/);

    const token = tokenIn(link);
    expect((await t.gql(PREVIEW, { token })).data!.invitation).toMatchObject({ kind: "STAFF", inviteeName: "Ivy Staff", partnerName: "Northwind MSP", clientName: null, logoUrl: null });
    expect((await t.gql(ACCEPT, { i: { token, password: "short" } })).data!.acceptStaffInvitation.userErrors[0]).toMatchObject({ field: "password", code: "BAD_USER_INPUT" });
    expect(await accept(token)).toEqual({ ok: true, userErrors: [] });
    const used = await accept(token);
    expect(used).toEqual({ ok: false, userErrors: [{ field: "token", message: "the invitation is invalid or has expired", code: "NOT_FOUND" }] });
    expect((await t.gql("{ viewer { name staffRole partner { name } } }", {}, { token: (await t.signIn("ivy@northwind-msp.test", PASSWORD)).accessToken })).data!.viewer).toEqual({
      name: "Ivy Staff",
      staffRole: "TECHNICIAN",
      partner: { name: "Northwind MSP" },
    });

    // A used, an unknown and an expired token get the same answers.
    const expired = await invite("old@northwind-msp.test");
    const expiredToken = await mailedToken(1);
    await t.database.prisma.staffUser.update({ where: { email: "old@northwind-msp.test" }, data: { invitationExpiresAt: new Date(Date.now() - 1000) } });
    expect(expired.staffUser.status).toBe("INVITED");
    const unknown = await t.gql(PREVIEW, { token: "mspi_not-a-real-token" });
    expect(unknown).toMatchObject({ status: 200, data: { invitation: null } });
    expect(unknown.errors).toBeUndefined();
    for (const wrong of [token, expiredToken, "mspi_not-a-real-token", ""]) {
      expect(await accept(wrong)).toEqual(used);
      expect(await t.gql(PREVIEW, { token: wrong })).toEqual(unknown);
    }
    const events = await t.database.prisma.auditEvent.findMany({ where: { action: "auth.invitation_accepted" } });
    expect(events.filter((e) => e.outcome === "SUCCESS")).toMatchObject([{ targetType: "StaffUser", actorLabel: "ivy@northwind-msp.test", partnerId: seedId("partner", "northwind-msp") }]);
    for (const secret of [token, expiredToken, PASSWORD]) {
      expect(JSON.stringify(events)).not.toContain(secret);
      expect(t.logs.join("\n")).not.toContain(secret);
    }
    expect(t.logs.join("\n")).not.toContain("accept-invitation");
  });

  it("a resend mails a new link and the old one stops working; a revoke ends the invitation and withdraws its unsent mail", async () => {
    const before = smtp.received.length;
    const { staffUser } = await invite("rae@northwind-msp.test", "ADMIN");
    const first = await mailedToken(before);
    expect((await t.gql(RESEND, { i: { staffUserId: staffUser.id } }, { token: owner })).data!.resendStaffInvitation).toEqual({ staffUser: { id: staffUser.id }, invitationLink: null, userErrors: [] });
    const second = await mailedToken(before + 1);
    expect(second).not.toBe(first);
    expect((await accept(first)).userErrors).toMatchObject([{ code: "NOT_FOUND" }]);

    expect((await t.gql(REVOKE, { i: { staffUserId: staffUser.id } }, { token: owner })).data!.revokeStaffInvitation).toEqual({
      staffUser: { id: staffUser.id, status: "INVITED", invitationExpiresAt: null },
      userErrors: [],
    });
    expect((await accept(second)).userErrors).toMatchObject([{ code: "NOT_FOUND" }]);
    expect((await t.gql(REVOKE, { i: { staffUserId: staffUser.id } }, { token: owner })).data!.revokeStaffInvitation.userErrors).toEqual([{ field: "staffUserId", code: "NOT_FOUND" }]);

    const { staffUser: withdrawn } = await invite("sid@northwind-msp.test");
    await t.gql(REVOKE, { i: { staffUserId: withdrawn.id } }, { token: owner });
    expect(await send()).toBe(0);

    await t.gql(RESEND, { i: { staffUserId: staffUser.id } }, { token: owner });
    expect(await accept(await mailedToken(before + 2))).toEqual({ ok: true, userErrors: [] });
    expect((await t.gql(RESEND, { i: { staffUserId: staffUser.id } }, { token: owner })).data!.resendStaffInvitation.userErrors).toEqual([{ field: "staffUserId", code: "CONFLICT" }]);
  });

  it("only the partner's managers resend or revoke, and only an owner re-invites an owner", async () => {
    const { staffUser } = await invite("oz@northwind-msp.test", "OWNER");
    await mailedToken(smtp.received.length);
    const technician = await t.tokenFor("tech@northwind-msp.test");
    const otherOwner = await t.tokenFor("owner@contoso-it.test");
    for (const mutation of [RESEND, REVOKE]) {
      expect(codeOf(await t.gql(mutation, { i: { staffUserId: staffUser.id } }, { token: technician }))).toBe("FORBIDDEN");
      expect(codeOf(await t.gql(mutation, { i: { staffUserId: staffUser.id } }))).toBe("UNAUTHENTICATED");
      expect(codeOf(await t.gql(mutation, { i: { staffUserId: staffUser.id } }, { token: otherOwner }))).toBe("NOT_FOUND");
    }
    const before = smtp.received.length;
    await invite("amy@northwind-msp.test", "ADMIN");
    await accept(await mailedToken(before));
    const amy = (await t.signIn("amy@northwind-msp.test", PASSWORD)).accessToken;
    expect((await t.gql(RESEND, { i: { staffUserId: staffUser.id } }, { token: amy })).data!.resendStaffInvitation.userErrors).toEqual([{ field: "staffUserId", code: "FORBIDDEN" }]);
  });

  it("the preview of a client user's invitation carries the client's logo and colours", async () => {
    await t.database.prisma.client.update({ where: { id: seedId("client", "fabrikam") }, data: { logoUrl: "/logos/fabrikam.svg", primaryColor: "#0b7285", accentColor: "#f59f00" } });
    const before = smtp.received.length;
    await t.gql("mutation ($i: InviteClientUserInput!) { inviteClientUser(input: $i) { userErrors { code } } }", { i: { clientId: gid("Client", seedId("client", "fabrikam")), email: "cara@fabrikam.test", name: "Cara", role: "VIEW_ONLY" } }, { token: owner });
    const token = await mailedToken(before);
    expect((await t.gql(PREVIEW, { token })).data!.invitation).toMatchObject({
      kind: "CLIENT",
      inviteeName: "Cara",
      partnerName: "Northwind MSP",
      clientName: "Fabrikam Dental",
      logoUrl: "/logos/fabrikam.svg",
      primaryColor: "#0b7285",
      accentColor: "#f59f00",
    });
    // A staff token does not accept a client invitation, nor the other way round.
    expect((await accept(token)).userErrors).toMatchObject([{ code: "NOT_FOUND" }]);
  });
});
