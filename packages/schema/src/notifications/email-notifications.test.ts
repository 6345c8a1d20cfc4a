import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestActor, notificationPipeline } from "../testing/notifications.js";
import { type TestSmtpServer, startTestSmtpServer } from "../testing/smtp-server.js";
import { type TestApi, createTestApi, gid } from "../testing/test-api.js";

const PUBLIC_URL = "https://portal.example.test";
const partnerId = seedId("partner", "northwind-msp");
const clientId = seedId("client", "fabrikam");
const UPDATE_PARTNER = "mutation ($i: UpdatePartnerInput!) { updatePartner(input: $i) { ticketQueueEmails onCallEmails } }";
const PREFS = "mutation ($i: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { userErrors { field code } preferences { allClientTickets settings { kind email inApp } } } }";

describe("email notifications, delivered over SMTP", () => {
  let t: TestApi;
  let smtp: TestSmtpServer;
  let pipeline: ReturnType<typeof notificationPipeline>;
  let ids: { tech: string; owner: string; contact: string; viewer: string };
  let client: TestActor;
  let staff: TestActor;

  const ticket = async (options: { assigned: boolean }) =>
    t.database.prisma.ticket.create({
      data: { partnerId, clientId, number: 90_000 + Math.floor(Math.random() * 1e6), subject: "Printer offline", contactId: ids.contact, assigneeId: options.assigned ? ids.tech : null },
    });
  const comment = async (ticketId: string, options: { hidden?: boolean; byClient?: boolean; body: string }) => {
    const row = await t.database.prisma.ticketComment.create({
      data: { partnerId, clientId, ticketId, body: options.body, hidden: options.hidden ?? false, tech: options.byClient ? "Ada Admin" : "Tess Tech", ...(options.byClient ? { authorClientUserId: ids.contact } : { authorStaffId: ids.tech }) },
    });
    return pipeline.emit("ticket.comment_added", {
      partnerId,
      clientId,
      actor: options.byClient ? client : staff,
      staffOnly: options.hidden ?? false,
      payload: { ticketId: gid("Ticket", ticketId), commentId: gid("TicketComment", row.id), hidden: options.hidden ?? false },
    });
  };
  const to = (mail: { envelope: { to: string[] } }) => mail.envelope.to[0];

  beforeAll(async () => {
    t = await createTestApi({ mail: { publicUrl: PUBLIC_URL, delivers: true } });
    smtp = await startTestSmtpServer();
    pipeline = notificationPipeline(t, smtp, PUBLIC_URL);
    const user = (email: string) => t.database.prisma.clientUser.findUniqueOrThrow({ where: { email } }).then((u) => u.id);
    const member = (email: string) => t.database.prisma.staffUser.findUniqueOrThrow({ where: { email } }).then((u) => u.id);
    ids = { tech: await member("tech@northwind-msp.test"), owner: await member("owner@northwind-msp.test"), contact: await user("admin@fabrikam.test"), viewer: await user("viewer@fabrikam.test") };
    client = { type: "CLIENT_USER", id: gid("ClientUser", ids.contact), name: "Ada Admin" };
    staff = { type: "STAFF", id: gid("StaffUser", ids.tech), name: "Tess Tech" };
    await t.database.prisma.client.update({ where: { id: clientId }, data: { logoUrl: "https://cdn.example.test/fabrikam.png" } });
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const set = await t.gql(UPDATE_PARTNER, { i: { id: gid("Partner", partnerId), ticketQueueEmails: ["Helpdesk@Northwind.example"], onCallEmails: ["oncall@northwind.example", "owner@northwind-msp.test"] } }, { token: owner });
    expect(set.data!.updatePartner).toEqual({ ticketQueueEmails: ["helpdesk@northwind.example"], onCallEmails: ["oncall@northwind.example", "owner@northwind-msp.test"] });
  });
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  it("a client's reply reaches the assignee, saying why and linking to the preferences", async () => {
    const { id } = await ticket({ assigned: true });
    await comment(id, { byClient: true, body: "Still offline after the restart." });
    const mails = await pipeline.deliver();
    expect(mails.map(to)).toEqual(["tech@northwind-msp.test"]);
    const [mail] = mails;
    expect(mail!.subject).toMatch(/^Ada Admin replied on ticket #\d+: Printer offline$/);
    expect(mail!.text).toContain("Still offline after the restart.");
    expect(mail!.text).toContain("You get this because ticket #");
    expect(mail!.text).toContain(`${PUBLIC_URL}/settings/notifications`);
    expect(mail!.text).toContain(`${PUBLIC_URL}/tickets/${gid("Ticket", id)}`);
    expect(mail!.html).toContain(`${PUBLIC_URL}/settings/notifications`);
  });

  it("a client's new ticket without an assignee goes to the partner's queue addresses", async () => {
    const { id } = await ticket({ assigned: false });
    await pipeline.emit("ticket.created", { partnerId, clientId, actor: client, payload: { ticketId: gid("Ticket", id) } });
    const [mail, ...rest] = await pipeline.deliver();
    expect(rest).toEqual([]);
    expect(to(mail!)).toBe("helpdesk@northwind.example");
    expect(mail!.subject).toMatch(/^New ticket #\d+ from Fabrikam Dental: Printer offline$/);
    expect(mail!.text).toContain("this address is Northwind MSP's ticket queue");
    expect(mail!.text).toContain(`A partner OWNER or ADMIN changes which addresses receive these at ${PUBLIC_URL}/settings/notifications`);
  });

  it("a public reply reaches the contact in the client's branding, and a hidden comment reaches nobody", async () => {
    const { id } = await ticket({ assigned: true });
    await comment(id, { hidden: true, body: "Internal: the customer's toner is fake" });
    expect(await pipeline.deliver()).toEqual([]);
    expect(await t.database.prisma.notificationMail.count({ where: { items: { string_contains: "toner" } } })).toBe(0);

    await comment(id, { body: "We replaced the fuser." });
    const [mail, ...rest] = await pipeline.deliver();
    expect(rest).toEqual([]);
    expect(to(mail!)).toBe("admin@fabrikam.test");
    expect(mail!.html).toContain('<img src="https://cdn.example.test/fabrikam.png" alt="Fabrikam Dental"');
    expect(mail!.text).toContain("We replaced the fuser.");
    expect(mail!.text).toContain("you are the contact of ticket #");
    expect(mail!.text).toContain(`${PUBLIC_URL}/portal/notifications`);
    expect(mail!.text).toContain(`${PUBLIC_URL}/portal/tickets/${gid("Ticket", id)}`);
  });

  it("a resolved ticket reaches the contact and the client users who follow every ticket, not the others", async () => {
    const viewer = await t.tokenFor("viewer@fabrikam.test");
    expect((await t.gql(PREFS, { i: { allClientTickets: true } }, { token: viewer })).data!.updateNotificationPreferences.preferences.allClientTickets).toBe(true);
    const { id } = await ticket({ assigned: true });
    await t.database.prisma.ticket.update({ where: { id }, data: { status: "RESOLVED", resolvedAt: new Date() } });
    await pipeline.emit("ticket.updated", { partnerId, clientId, actor: staff, payload: { ticketId: gid("Ticket", id), changes: { status: { from: "IN_PROGRESS", to: "RESOLVED" } } } });
    const mails = await pipeline.deliver();
    expect(mails.map(to).sort()).toEqual(["admin@fabrikam.test", "viewer@fabrikam.test"]);
    expect(mails[0]!.subject).toMatch(/^Ticket #\d+ is resolved: Printer offline$/);
    expect(mails.find((m) => to(m) === "viewer@fabrikam.test")!.text).toContain("every ticket of your organisation");
    await t.gql(PREFS, { i: { allClientTickets: false } }, { token: viewer });
  });

  it("the on-call addresses hear of a CRITICAL alert and of its recovery, not of a warning", async () => {
    const alert = await t.database.prisma.alert.create({ data: { partnerId, clientId, severity: "CRITICAL", source: "agent", message: "Disk C: 99% full on FAB-DC01" } });
    const warning = await t.database.prisma.alert.create({ data: { partnerId, clientId, severity: "WARNING", source: "agent", message: "CPU high" } });
    await pipeline.emit("alert.raised", { partnerId, clientId, actor: { type: "SYSTEM", id: null, name: null }, payload: { alertId: gid("Alert", warning.id) } });
    await pipeline.emit("alert.raised", { partnerId, clientId, actor: { type: "SYSTEM", id: null, name: null }, payload: { alert: { id: gid("Alert", alert.id) } } });
    const raised = await pipeline.deliver();
    expect(raised.map(to).sort()).toEqual(["oncall@northwind.example", "owner@northwind-msp.test"]);
    expect(raised[0]!.subject).toBe("Critical alert at Fabrikam Dental: Disk C: 99% full on FAB-DC01");
    expect(raised[0]!.text).toContain("on call for Northwind MSP's critical alerts");

    await pipeline.emit("alert.resolved", { partnerId, clientId, actor: staff, payload: { alertId: alert.id } });
    const resolved = await pipeline.deliver();
    expect(resolved.map((m) => m.subject)).toEqual(["Resolved: critical alert at Fabrikam Dental", "Resolved: critical alert at Fabrikam Dental"]);
  });

  it("the on-call addresses hear of a failed backup and of its recovery", async () => {
    const plan = await t.database.prisma.backupPlan.findFirstOrThrow({ where: { partnerId } });
    await pipeline.emit("backup.failed", { partnerId, clientId: plan.clientId, actor: { type: "INTEGRATION", id: null, name: "MSP360" }, payload: { backupPlanId: gid("BackupPlan", plan.id) } });
    const failed = await pipeline.deliver();
    expect(failed.map(to).sort()).toEqual(["oncall@northwind.example", "owner@northwind-msp.test"]);
    expect(failed[0]!.subject).toBe(`Backup failed: ${plan.planName} on ${plan.computerName}`);
    await pipeline.emit("backup.recovered", { partnerId, clientId: plan.clientId, actor: { type: "INTEGRATION", id: null, name: "MSP360" }, payload: { backupPlanId: gid("BackupPlan", plan.id) } });
    expect((await pipeline.deliver()).map((m) => m.subject)).toEqual([`Backup recovered: ${plan.planName} on ${plan.computerName}`, `Backup recovered: ${plan.planName} on ${plan.computerName}`]);
  });

  it("a kind turned off stops its emails, for that person only; an address that is a person's follows their preferences", async () => {
    const tech = await t.tokenFor("tech@northwind-msp.test");
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const off = await t.gql(PREFS, { i: { settings: [{ kind: "TICKET_CLIENT_REPLY", email: false, inApp: true }] } }, { token: tech });
    expect(off.data!.updateNotificationPreferences.preferences.settings).toContainEqual({ kind: "TICKET_CLIENT_REPLY", email: false, inApp: true });
    await t.gql(PREFS, { i: { settings: [{ kind: "ALERT_RAISED", email: false, inApp: false }] } }, { token: owner });
    const { id } = await ticket({ assigned: true });
    await comment(id, { byClient: true, body: "Any news?" });
    const alert = await t.database.prisma.alert.create({ data: { partnerId, clientId, severity: "CRITICAL", source: "agent", message: "Server down" } });
    await pipeline.emit("alert.raised", { partnerId, clientId, actor: { type: "SYSTEM", id: null, name: null }, payload: { alertId: gid("Alert", alert.id) } });
    expect((await pipeline.deliver()).map(to)).toEqual(["oncall@northwind.example"]);
    // The in-app notice still came, as the technician chose.
    expect(await t.database.prisma.notification.count({ where: { staffUserId: ids.tech, kind: "TICKET_CLIENT_REPLY", title: { contains: `#` } } })).toBeGreaterThan(0);
    await t.gql(PREFS, { i: { settings: [{ kind: "TICKET_CLIENT_REPLY", email: true, inApp: true }] } }, { token: tech });
    await t.gql(PREFS, { i: { settings: [{ kind: "ALERT_RAISED", email: true, inApp: true }] } }, { token: owner });
  });

  it("replies within five minutes of an email on a ticket wait and go out together in one message", async () => {
    const { id } = await ticket({ assigned: true });
    await comment(id, { byClient: true, body: "First reply" });
    expect(await pipeline.deliver()).toHaveLength(1);
    pipeline.advance(60_000);
    await comment(id, { byClient: true, body: "Second reply" });
    pipeline.advance(60_000);
    await comment(id, { byClient: true, body: "Third reply" });
    pipeline.advance(2 * 60_000);
    expect(await pipeline.deliver()).toEqual([]);
    pipeline.advance(61_000);
    const [batched, ...rest] = await pipeline.deliver();
    expect(rest).toEqual([]);
    expect(to(batched!)).toBe("tech@northwind-msp.test");
    expect(batched!.subject).toMatch(/^2 updates: Ada Admin replied on ticket #\d+/);
    expect(batched!.text).toContain("Second reply");
    expect(batched!.text).toContain("Third reply");
    expect(batched!.text).not.toContain("First reply");
    // A quiet ticket's next reply, after the window, goes at once.
    pipeline.advance(6 * 60_000);
    await comment(id, { byClient: true, body: "Fourth reply" });
    expect((await pipeline.deliver()).map((m) => m.subject)).toEqual([expect.stringMatching(/^Ada Admin replied/)]);
  });

  it("refuses bad addresses and keeps the two-step sign-in switch the owner's", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const bad = await t.gql(UPDATE_PARTNER, { i: { id: gid("Partner", partnerId), onCallEmails: ["not an address"] } }, { token: owner });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "onCallEmails" });
    const tech = await t.tokenFor("tech@northwind-msp.test");
    expect((await t.gql(UPDATE_PARTNER, { i: { id: gid("Partner", partnerId), onCallEmails: [] } }, { token: tech })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("tells a client plainly whether anyone hears of their replies: an assignee, or a queue address", async () => {
    const admin = await t.tokenFor("admin@fabrikam.test");
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const notified = async (ticketId: string) => (await t.gql("query ($id: ID!) { ticket(id: $id) { staffNotified } }", { id: gid("Ticket", ticketId) }, { token: admin })).data!.ticket.staffNotified;
    const assigned = await ticket({ assigned: true });
    const unassigned = await ticket({ assigned: false });
    expect([await notified(assigned.id), await notified(unassigned.id)]).toEqual([true, true]);
    await t.gql(UPDATE_PARTNER, { i: { id: gid("Partner", partnerId), ticketQueueEmails: [] } }, { token: owner });
    expect([await notified(assigned.id), await notified(unassigned.id)]).toEqual([true, false]);
    await pipeline.emit("ticket.created", { partnerId, clientId, actor: client, payload: { ticket: { id: gid("Ticket", unassigned.id) } } });
    expect(await pipeline.deliver()).toEqual([]);
  });
});
