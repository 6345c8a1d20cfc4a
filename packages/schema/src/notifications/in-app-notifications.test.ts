import { seedId } from "@mspgraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestActor, notificationPipeline } from "../testing/notifications.js";
import { type TestSmtpServer, startTestSmtpServer } from "../testing/smtp-server.js";
import { type TestApi, codeOf, createTestApi, gid } from "../testing/test-api.js";

const partnerId = seedId("partner", "northwind-msp");
const clientId = seedId("client", "fabrikam");
const LIST = "query ($unread: Boolean) { viewer { unreadNotificationCount } notifications(first: 20, unreadOnly: $unread) { totalCount edges { node { id kind title link read } } } }";
const MARK = "mutation ($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { marked unreadCount } }";
const ADDED = "subscription { notificationAdded { id kind title link } }";

describe("in-app notifications (the bell)", () => {
  let t: TestApi;
  let smtp: TestSmtpServer;
  let pipeline: ReturnType<typeof notificationPipeline>;
  let tokens: Record<"tech" | "owner" | "contact" | "viewer", string>;
  let contactId: string;
  const staff: TestActor = { type: "STAFF", id: null, name: "Tess Tech" };

  const replyFromClient = async (ticketId: string, body: string) => {
    const comment = await t.database.prisma.ticketComment.create({ data: { partnerId, clientId, ticketId, body, tech: "Ada Admin", authorClientUserId: contactId } });
    await pipeline.emit("ticket.comment_added", { partnerId, clientId, actor: { type: "CLIENT_USER", id: gid("ClientUser", contactId), name: "Ada Admin" }, payload: { ticketId: gid("Ticket", ticketId), commentId: gid("TicketComment", comment.id) } });
  };
  const staffComment = async (ticketId: string, hidden: boolean) => {
    const comment = await t.database.prisma.ticketComment.create({ data: { partnerId, clientId, ticketId, body: hidden ? "internal note" : "public answer", hidden, tech: "Tess Tech" } });
    await pipeline.emit("ticket.comment_added", { partnerId, clientId, actor: staff, staffOnly: hidden, payload: { ticketId: gid("Ticket", ticketId), commentId: comment.id, hidden } });
  };
  const newTicket = async () => {
    const tech = await t.database.prisma.staffUser.findUniqueOrThrow({ where: { email: "tech@northwind-msp.test" } });
    return t.database.prisma.ticket.create({ data: { partnerId, clientId, number: 80_000 + Math.floor(Math.random() * 1e6), subject: "VPN drops", contactId, assigneeId: tech.id } });
  };
  const list = (token: string, unread?: boolean) => t.gql(LIST, { unread }, { token });

  beforeAll(async () => {
    t = await createTestApi({ mail: { delivers: true } });
    smtp = await startTestSmtpServer();
    pipeline = notificationPipeline(t, smtp, "http://localhost:3000");
    contactId = (await t.database.prisma.clientUser.findUniqueOrThrow({ where: { email: "admin@fabrikam.test" } })).id;
    tokens = {
      tech: await t.tokenFor("tech@northwind-msp.test"),
      owner: await t.tokenFor("owner@northwind-msp.test"),
      contact: await t.tokenFor("admin@fabrikam.test"),
      viewer: await t.tokenFor("viewer@fabrikam.test"),
    };
  });
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  it("a client's reply shows in the assignee's list and count, live to them alone, and mark read (by id, then all) brings the count down", async () => {
    const techStream = await t.subscribe(ADDED, {}, { token: tokens.tech });
    const ownerStream = await t.subscribe(ADDED, {}, { token: tokens.owner });
    const contactStream = await t.subscribe(ADDED, {}, { token: tokens.contact });
    // Let the streams start before the event is dispatched.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ticket = await newTicket();
    await replyFromClient(ticket.id, "It dropped again");
    await replyFromClient(ticket.id, "And again");
    await pipeline.deliver();

    const first = await techStream.next(3000);
    expect(first).toMatchObject({ data: { notificationAdded: { kind: "TICKET_CLIENT_REPLY", link: `/tickets/${gid("Ticket", ticket.id)}` } } });
    expect(await ownerStream.next(500)).toBe("timeout");
    expect(await contactStream.next(500)).toBe("timeout");
    [techStream, ownerStream, contactStream].forEach((stream) => stream.close());

    const before = await list(tokens.tech, true);
    expect(before.data!.viewer.unreadNotificationCount).toBe(2);
    expect(before.data!.notifications.totalCount).toBe(2);
    const [latest, older] = before.data!.notifications.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect((await t.gql(MARK, { i: { ids: [older] } }, { token: tokens.tech })).data!.markNotificationsRead).toEqual({ marked: 1, unreadCount: 1 });
    expect((await list(tokens.tech)).data!.notifications.edges.map((edge: { node: { read: boolean } }) => edge.node.read)).toEqual([false, true]);
    // Another person's id marks nothing of theirs.
    expect((await t.gql(MARK, { i: { ids: [latest] } }, { token: tokens.owner })).data!.markNotificationsRead.marked).toBe(0);
    expect((await t.gql(MARK, { i: { all: true } }, { token: tokens.tech })).data!.markNotificationsRead).toEqual({ marked: 1, unreadCount: 0 });
    expect((await list(tokens.tech, true)).data!.notifications.totalCount).toBe(0);
  });

  it("nobody reads another person's notifications, through the list or node(id)", async () => {
    const ticket = await newTicket();
    await replyFromClient(ticket.id, "Hello?");
    await pipeline.deliver();
    const mine = (await list(tokens.tech)).data!.notifications.edges[0].node.id;
    const node = "query ($id: ID!) { node(id: $id) { id ... on Notification { title } } }";
    expect((await t.gql(node, { id: mine }, { token: tokens.tech })).data!.node).toMatchObject({ id: mine });
    expect((await t.gql(node, { id: mine }, { token: tokens.owner })).data!.node).toBeNull();
    expect((await t.gql(node, { id: mine }, { token: tokens.contact })).data!.node).toBeNull();
    expect((await list(tokens.owner)).data!.notifications.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(mine);
    expect((await list(tokens.contact)).data!.notifications.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(mine);
  });

  it("client users see public replies on their tickets and never a hidden comment", async () => {
    const ticket = await newTicket();
    await staffComment(ticket.id, true);
    await pipeline.deliver();
    expect(await t.database.prisma.notification.count({ where: { eventId: { in: (await t.database.prisma.domainEvent.findMany({ where: { staffOnly: true }, select: { id: true } })).map((e) => e.id) } } })).toBe(0);
    const before = (await list(tokens.contact)).data!.viewer.unreadNotificationCount;
    await staffComment(ticket.id, false);
    await pipeline.deliver();
    const after = await list(tokens.contact);
    expect(after.data!.viewer.unreadNotificationCount).toBe(before + 1);
    expect(after.data!.notifications.edges[0].node).toMatchObject({ kind: "TICKET_REPLY", link: `/portal/tickets/${gid("Ticket", ticket.id)}` });
    // The other client user does not follow every ticket, so hears nothing.
    expect((await list(tokens.viewer)).data!.notifications.totalCount).toBe(0);
  });

  it("in-app notices follow the person's preferences; a kind not theirs is refused", async () => {
    const PREFS = "mutation ($i: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { userErrors { field code } } }";
    await t.gql(PREFS, { i: { settings: [{ kind: "TICKET_REPLY", email: true, inApp: false }] } }, { token: tokens.contact });
    const ticket = await newTicket();
    const before = (await list(tokens.contact)).data!.viewer.unreadNotificationCount;
    await staffComment(ticket.id, false);
    await pipeline.deliver();
    expect((await list(tokens.contact)).data!.viewer.unreadNotificationCount).toBe(before);
    expect((await t.gql(PREFS, { i: { settings: [{ kind: "ALERT_RAISED", email: false, inApp: false }] } }, { token: tokens.contact })).data!.updateNotificationPreferences.userErrors).toEqual([{ field: "settings", code: "BAD_USER_INPUT" }]);
    const prefs = await t.gql("{ viewer { notificationPreferences { allClientTickets settings { kind email inApp } } } }", {}, { token: tokens.contact });
    expect(prefs.data!.viewer.notificationPreferences).toEqual({ allClientTickets: false, settings: [{ kind: "TICKET_REPLY", email: true, inApp: false }, { kind: "TICKET_RESOLVED", email: true, inApp: true }] });
  });

  it("mark read asks for ids or all, not both or neither", async () => {
    expect(codeOf(await t.gql(MARK, { i: {} }, { token: tokens.tech }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await t.gql(MARK, { i: { all: true, ids: [] } }, { token: tokens.tech }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await t.gql(MARK, { i: { ids: ["nope"] } }, { token: tokens.tech }))).toBe("BAD_USER_INPUT");
  });
});
