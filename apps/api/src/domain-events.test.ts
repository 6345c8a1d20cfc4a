import { seedId } from "@mspgraph/db";
import { eventEnvelope } from "@mspgraph/schema/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, createTestApi, gid } from "./testing/test-api.js";

const CREATE = "mutation ($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } userErrors { code } } }";
const STATUS = "mutation ($i: ChangeTicketStatusInput!) { changeTicketStatus(input: $i) { userErrors { code } } }";
const ASSIGN = "mutation ($i: AssignTicketInput!) { assignTicket(input: $i) { userErrors { code } } }";
const UPDATE = "mutation ($i: UpdateTicketInput!) { updateTicket(input: $i) { userErrors { code } } }";
const COMMENT = "mutation ($i: AddTicketCommentInput!) { addTicketComment(input: $i) { comment { id } userErrors { code } } }";
const CREATE_CLIENT = "mutation ($i: CreateClientInput!) { createClient(input: $i) { client { id } userErrors { code } } }";
const ARCHIVE_CLIENT = "mutation ($i: ArchiveClientInput!) { archiveClient(input: $i) { userErrors { code } } }";
const RESOLVE = "mutation ($i: AlertActionInput!) { resolveAlert(input: $i) { userErrors { code } } }";

const northwind = seedId("partner", "northwind-msp");
const fabrikam = seedId("client", "fabrikam");
const tech = { type: "STAFF", id: gid("StaffUser", seedId("staff", "tech@northwind-msp.test")), name: "Theo Marsh" };

describe("domain events recorded with the changes that cause them", () => {
  let t: TestApi;
  let staff: string;
  beforeAll(async () => {
    t = await createTestApi();
    staff = await t.tokenFor("tech@northwind-msp.test");
  });
  afterAll(() => t.close());

  const eventsOf = async (type: string) => t.database.prisma.domainEvent.findMany({ where: { type }, orderBy: { occurredAt: "asc" } });
  const latest = async (type: string) => (await eventsOf(type)).at(-1);

  it("records a ticket's life: created by a client user, updated by staff with from/to, and its comments (hidden ones staff-only)", async () => {
    const viewer = await t.tokenFor("admin@fabrikam.test");
    const created = await t.gql(CREATE, { i: { clientId: gid("Client", fabrikam), subject: "Printer offline" } }, { token: viewer });
    const ticketId = created.data!.createTicket.ticket.id as string;
    const event = await latest("ticket.created");
    expect(event).toMatchObject({ partnerId: northwind, clientId: fabrikam, staffOnly: false, version: 1, dispatchedAt: null });
    expect(event!.actor).toEqual({ type: "CLIENT_USER", id: gid("ClientUser", seedId("client-user", "admin@fabrikam.test")), name: "Fiona Bright" });
    expect(event!.payload).toMatchObject({ ticket: { id: ticketId, subject: "Printer offline", status: "NEW", priority: "NORMAL", clientId: gid("Client", fabrikam), assigneeId: null } });

    await t.gql(STATUS, { i: { id: ticketId, status: "IN_PROGRESS" } }, { token: staff });
    expect((await latest("ticket.updated"))!.payload).toMatchObject({ ticket: { id: ticketId, status: "IN_PROGRESS" }, changes: { status: { from: "NEW", to: "IN_PROGRESS" } } });
    await t.gql(ASSIGN, { i: { id: ticketId, assigneeId: tech.id } }, { token: staff });
    const assigned = await latest("ticket.updated");
    expect(assigned!.payload).toMatchObject({ changes: { assigneeId: { from: null, to: tech.id } } });
    expect(assigned!.actor).toEqual(tech);
    await t.gql(UPDATE, { i: { id: ticketId, priority: "URGENT" } }, { token: staff });
    expect((await latest("ticket.updated"))!.payload).toMatchObject({ changes: { priority: { from: "NORMAL", to: "URGENT" } } });
    // Nothing a receiver watches changed: no event.
    const before = (await eventsOf("ticket.updated")).length;
    await t.gql(UPDATE, { i: { id: ticketId, description: "more detail" } }, { token: staff });
    expect(await eventsOf("ticket.updated")).toHaveLength(before);

    const note = await t.gql(COMMENT, { i: { ticketId, body: "Customer's printer is EOL", hidden: true } }, { token: staff });
    const hidden = await latest("ticket.comment_added");
    expect(hidden).toMatchObject({ staffOnly: true, payload: { ticket: { id: ticketId }, comment: { id: note.data!.addTicketComment.comment.id, hidden: true, body: "Customer's printer is EOL", tech: "Theo Marsh" } } });
    await t.gql(COMMENT, { i: { ticketId, body: "We are on it" } }, { token: staff });
    const reply = await latest("ticket.comment_added");
    expect(reply).toMatchObject({ staffOnly: false, payload: { comment: { hidden: false, body: "We are on it" } } });

    // What a receiver gets: global ids throughout, the time as ISO text, the payload as `data`.
    expect(eventEnvelope(reply!)).toEqual({
      id: reply!.id,
      type: "ticket.comment_added",
      version: 1,
      occurredAt: reply!.occurredAt.toISOString(),
      partnerId: gid("Partner", northwind),
      clientId: gid("Client", fabrikam),
      actor: tech,
      data: reply!.payload,
    });
  });

  it("records client.created and client.archived, and alert.resolved with the alert's fields", async () => {
    const owner = await t.tokenFor("owner@northwind-msp.test");
    const created = await t.gql(CREATE_CLIENT, { i: { name: "Adatum", domain: "adatum.test" } }, { token: owner });
    const clientId = created.data!.createClient.client.id as string;
    expect((await latest("client.created"))!.payload).toEqual({ client: { id: clientId, name: "Adatum", domain: "adatum.test" } });
    await t.gql(ARCHIVE_CLIENT, { i: { id: clientId } }, { token: owner });
    await t.gql(ARCHIVE_CLIENT, { i: { id: clientId } }, { token: owner });
    // Archiving twice changes nothing the second time.
    expect(await eventsOf("client.archived")).toHaveLength(1);

    const alert = await t.database.prisma.alert.create({ data: { partnerId: northwind, clientId: fabrikam, severity: "CRITICAL", source: "test", message: "Disk failing" } });
    await t.gql(RESOLVE, { i: { id: gid("Alert", alert.id) } }, { token: staff });
    const resolved = await latest("alert.resolved");
    expect(resolved).toMatchObject({ partnerId: northwind, clientId: fabrikam, actor: tech });
    expect(resolved!.payload).toEqual({ alert: { id: gid("Alert", alert.id), severity: "CRITICAL", status: "RESOLVED", source: "test", message: "Disk failing", clientMessage: null, clientId: gid("Client", fabrikam), agentId: null } });
  });

  it("keeps no event of a change that fails at commit, and no change whose event cannot be written", async () => {
    const ticket = await t.database.prisma.ticket.findFirstOrThrow({ where: { clientId: fabrikam } });
    // A deferred check fails the transaction at COMMIT, after the event was written inside it.
    await t.database.sql.exec(`
      CREATE FUNCTION refuse_subject() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
      CREATE CONSTRAINT TRIGGER refuse_subject AFTER UPDATE ON "Ticket" DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.subject = 'fails at commit') EXECUTE FUNCTION refuse_subject();
      CREATE FUNCTION refuse_comment_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'event refused'; END $$;
      CREATE TRIGGER refuse_comment_event BEFORE INSERT ON "DomainEvent" FOR EACH ROW WHEN (NEW.type = 'ticket.comment_added') EXECUTE FUNCTION refuse_comment_event();`);
    const updates = (await eventsOf("ticket.updated")).length;
    const failed = await t.gql(UPDATE, { i: { id: gid("Ticket", ticket.id), subject: "fails at commit" } }, { token: staff });
    expect(failed.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(await eventsOf("ticket.updated")).toHaveLength(updates);
    expect((await t.database.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).subject).toBe(ticket.subject);

    const comments = await t.database.prisma.ticketComment.count({ where: { ticketId: ticket.id } });
    const refused = await t.gql(COMMENT, { i: { ticketId: gid("Ticket", ticket.id), body: "never stored" } }, { token: staff });
    expect(refused.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(await t.database.prisma.ticketComment.count({ where: { ticketId: ticket.id } })).toBe(comments);
    await t.database.sql.exec(`DROP TRIGGER refuse_subject ON "Ticket"; DROP TRIGGER refuse_comment_event ON "DomainEvent";`);
  });
});
