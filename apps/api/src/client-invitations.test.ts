import { seedId } from "@mspgraph/db";
import { decryptJson } from "@mspgraph/schema";
import { createLogger, processDueMail } from "@mspgraph/schema/server";
import { type TestSmtpServer, startTestSmtpServer } from "@mspgraph/schema/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "./testing/isolation-fixtures.js";
import { type TestApi, codeOf, createTestApi } from "./testing/test-api.js";

const fabrikam = gid("Client", seedId("client", "fabrikam"));
const FROM = "Northwind IT <it@northwind.example>";
const INVITE = "mutation ($i: InviteClientUserInput!) { inviteClientUser(input: $i) { clientUser { id status invitationExpiresAt } invitationLink invitationToken userErrors { code } } }";
const RESEND = "mutation ($i: ClientInvitationInput!) { resendClientInvitation(input: $i) { clientUser { id invitationExpiresAt } invitationLink userErrors { field code } } }";
const REVOKE = "mutation ($i: ClientInvitationInput!) { revokeClientInvitation(input: $i) { clientUser { id status invitationExpiresAt } userErrors { field code } } }";
const ACCEPT = "mutation ($i: AcceptClientInvitationInput!) { acceptClientInvitation(input: $i) { ok userErrors { code } } }";
const tokenIn = (link: string) => new URL(link).searchParams.get("token")!;

describe("client invitations, emailed over SMTP", () => {
  let t: TestApi;
  let smtp: TestSmtpServer;
  let owner: string;
  const send = () =>
    processDueMail({ database: t.database, keyRing: t.keyRing, smtpUrl: smtp.url, from: FROM, logger: createLogger({ level: "debug", destination: { write: (line: string) => void t.logs.push(line) } }) });
  const invite = async (email: string, token = owner) => (await t.gql(INVITE, { i: { clientId: fabrikam, email, name: "Ina Vite", role: "VIEW_ONLY" } }, { token })).data!.inviteClientUser;
  const linkOf = (index: number) => smtp.received[index]!.text!.match(/https:\/\/\S+/)![0];

  beforeAll(async () => {
    t = await createTestApi({ mail: { publicUrl: "https://portal.example.test/msp", from: FROM, delivers: true } });
    smtp = await startTestSmtpServer();
    owner = await t.tokenFor("owner@northwind-msp.test");
    await t.database.prisma.client.update({ where: { id: seedId("client", "fabrikam") }, data: { logoUrl: "https://cdn.example.test/fabrikam.png", primaryColor: "#0b7285" } });
  });
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  it("emails the invitation in the client's branding, with a one-time link valid 7 days that sets the password", async () => {
    const invited = await invite("ina@fabrikam.test");
    expect(invited).toMatchObject({ clientUser: { status: "INVITED" }, invitationLink: null, invitationToken: null, userErrors: [] });
    const validFor = new Date(invited.clientUser.invitationExpiresAt).getTime() - Date.now();
    expect(Math.abs(validFor - 7 * 24 * 3600_000)).toBeLessThan(60_000);

    expect(await send()).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(["ina@fabrikam.test"]);
    expect(mail!.subject).toBe("You are invited to Fabrikam Dental's portal at Northwind MSP");
    expect(mail!.html).toContain('<img src="https://cdn.example.test/fabrikam.png" alt="Fabrikam Dental"');
    expect(mail!.html).toContain("#0b7285");
    const link = linkOf(0);
    expect(link).toMatch(/^https:\/\/portal\.example\.test\/msp\/portal\/accept-invitation\?token=mspi_/);
    expect(mail!.html).toContain(`href="${link}"`);

    expect((await t.gql(ACCEPT, { i: { token: tokenIn(link), password: "a good long password" } })).data!.acceptClientInvitation).toEqual({ ok: true, userErrors: [] });
    expect((await t.gql(ACCEPT, { i: { token: tokenIn(link), password: "a good long password" } })).data!.acceptClientInvitation.ok).toBe(false);
    const login = await t.gql("mutation ($i: LoginInput!) { clientLogin(input: $i) { viewer { client { name } } } }", { i: { email: "ina@fabrikam.test", password: "a good long password" } });
    expect(login.data!.clientLogin.viewer).toEqual({ client: { name: "Fabrikam Dental" } });
    expect(t.logs.join("\n")).not.toContain(tokenIn(link));
    expect(t.logs.join("\n")).not.toContain("accept-invitation");
  });

  it("a resend mails a new link and the old one stops working; an unsent earlier mail is withdrawn", async () => {
    const admin = await t.tokenFor("admin@fabrikam.test");
    const before = smtp.received.length;
    const invited = await invite("rex@fabrikam.test", admin);
    await send();
    await smtp.waitFor(before + 1);
    const first = tokenIn(linkOf(before));

    const id = invited.clientUser.id;
    expect((await t.gql(RESEND, { i: { clientUserId: id } }, { token: admin })).data!.resendClientInvitation).toMatchObject({ clientUser: { id }, invitationLink: null, userErrors: [] });
    expect((await t.gql(RESEND, { i: { clientUserId: id } }, { token: owner })).data!.resendClientInvitation.userErrors).toEqual([]);
    expect(await send()).toBe(1);
    await smtp.waitFor(before + 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received).toHaveLength(before + 2);
    const latest = tokenIn(linkOf(before + 1));
    expect(latest).not.toBe(first);
    expect((await t.gql(ACCEPT, { i: { token: first, password: "a good long password" } })).data!.acceptClientInvitation.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    expect((await t.gql(ACCEPT, { i: { token: latest, password: "a good long password" } })).data!.acceptClientInvitation.ok).toBe(true);
    expect((await t.gql(RESEND, { i: { clientUserId: id } }, { token: owner })).data!.resendClientInvitation.userErrors).toEqual([{ field: "clientUserId", code: "CONFLICT" }]);
  });

  it("a revoke withdraws the unsent mail and ends the invitation; a resend issues a new one", async () => {
    const before = smtp.received.length;
    const id = (await invite("ron@fabrikam.test")).clientUser.id;
    expect((await t.gql(REVOKE, { i: { clientUserId: id } }, { token: owner })).data!.revokeClientInvitation).toEqual({
      clientUser: { id, status: "INVITED", invitationExpiresAt: null },
      userErrors: [],
    });
    expect(await send()).toBe(0);
    expect(smtp.received).toHaveLength(before);
    expect((await t.gql(REVOKE, { i: { clientUserId: id } }, { token: owner })).data!.revokeClientInvitation.userErrors).toEqual([{ field: "clientUserId", code: "NOT_FOUND" }]);
    expect((await t.gql(RESEND, { i: { clientUserId: id } }, { token: owner })).data!.resendClientInvitation.clientUser.invitationExpiresAt).not.toBeNull();
    expect(await send()).toBe(1);
  });

  it("only those who manage the client's users may resend or revoke", async () => {
    const id = (await invite("pat@fabrikam.test")).clientUser.id;
    const viewer = await t.tokenFor("viewer@fabrikam.test");
    const otherPartner = await t.tokenFor("owner@contoso-it.test");
    const otherClientAdmin = await t.tokenFor("admin@tailspin.test");
    const technician = await t.tokenFor("tech@northwind-msp.test");
    for (const mutation of [RESEND, REVOKE]) {
      expect(codeOf(await t.gql(mutation, { i: { clientUserId: id } }, { token: viewer }))).toBe("FORBIDDEN");
      expect(codeOf(await t.gql(mutation, { i: { clientUserId: id } }, { token: technician }))).toBe("FORBIDDEN");
      expect(codeOf(await t.gql(mutation, { i: { clientUserId: id } }))).toBe("UNAUTHENTICATED");
      expect(codeOf(await t.gql(mutation, { i: { clientUserId: id } }, { token: otherPartner }))).toBe("NOT_FOUND");
      expect(codeOf(await t.gql(mutation, { i: { clientUserId: id } }, { token: otherClientAdmin }))).toBe("NOT_FOUND");
    }
  });
});

describe("client invitations without SMTP (the embedded demo)", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await createTestApi();
  });
  afterAll(() => t.close());

  it("answers CONFLICT for an email already taken, and stores no mail for it", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const again = (await t.gql(INVITE, { i: { clientId: fabrikam, email: "viewer@fabrikam.test", name: "Twice", role: "ADMIN" } }, { token: owner })).data!.inviteClientUser;
    expect(again).toMatchObject({ clientUser: null, invitationLink: null, userErrors: [{ code: "CONFLICT" }] });
    expect(await t.database.prisma.mailOutbox.count({ where: { recipient: "viewer@fabrikam.test" } })).toBe(0);
  });

  it("keeps the mail in the outbox and hands the link to the inviter; a revoked link no longer works", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const invited = (await t.gql(INVITE, { i: { clientId: fabrikam, email: "demo@fabrikam.test", name: "Demo", role: "ADMIN" } }, { token: owner })).data!.inviteClientUser;
    expect(invited.invitationLink).toMatch(/^http:\/\/localhost:3000\/portal\/accept-invitation\?token=mspi_/);
    expect(invited.invitationToken).toBe(tokenIn(invited.invitationLink));
    // The demo's logos are paths of the web app: the mail names them under the public URL.
    const [stored] = await t.database.prisma.mailOutbox.findMany({ where: { recipient: "demo@fabrikam.test" } });
    expect(decryptJson<{ html: string }>(t.keyRing, stored!.bodyCiphertext!, `MailOutbox:${stored!.id}`).html).toContain('<img src="http://localhost:3000/logos/fabrikam.svg"');
    const outbox = await t.database.prisma.mailOutbox.findMany({ where: { recipient: "demo@fabrikam.test" } });
    expect(outbox).toMatchObject([{ status: "PENDING", template: "client-invitation", subject: "You are invited to Fabrikam Dental's portal at Northwind MSP" }]);
    expect(JSON.stringify(outbox)).not.toContain(tokenIn(invited.invitationLink));
    expect(await processDueMail({ database: t.database, keyRing: t.keyRing, from: FROM, logger: createLogger({ level: "silent" }) })).toBe(0);

    const id = invited.clientUser.id;
    const resent = (await t.gql(RESEND, { i: { clientUserId: id } }, { token: owner })).data!.resendClientInvitation;
    expect(resent.invitationLink).not.toBe(invited.invitationLink);
    expect(await t.database.prisma.mailOutbox.findMany({ where: { recipient: "demo@fabrikam.test" }, orderBy: { createdAt: "asc" }, select: { status: true } })).toEqual([{ status: "CANCELLED" }, { status: "PENDING" }]);
    await t.gql(REVOKE, { i: { clientUserId: id } }, { token: owner });
    expect((await t.gql(ACCEPT, { i: { token: tokenIn(resent.invitationLink), password: "a good long password" } })).data!.acceptClientInvitation.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    expect(t.logs.join("\n")).not.toContain(tokenIn(resent.invitationLink));
  });
});
