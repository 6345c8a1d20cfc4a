import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TPartnerAccount, type TTwoInstances, startTwoInstances } from "./testing/two-instances.js";

// Two API instances: on PostgreSQL a second OS process, on PGlite (one connection) a second
// instance in this process (see testing/two-instances.ts).
// Syncro's minute runs in half a second here, on the local server (180 per IP) and in the
// plugin's setting (160, read as production reads MSPGRAPH_SYNCRO_RATE_LIMIT) alike.
const WINDOW = { env: { MSPGRAPH_SYNCRO_RATE_LIMIT: "160/0.5s", MSPGRAPH_SYNCRO_EGRESS: "test-nat" }, serverLimit: { max: 180, windowMs: 500 } };
// The full 5,000 tickets on PostgreSQL, where the second instance is an OS process of its own;
// 1,000 on PGlite, whose single connection makes the core's import (not Syncro's pace) set the
// time. SYNCRO_SCALE_TICKETS overrides both.
const DEFAULT_TICKETS = process.env.MSPGRAPH_TEST_DB === "postgres" ? 5_000 : 1_000;
const TICKETS_PER_PARTNER = Math.floor(Number(process.env.SYNCRO_SCALE_TICKETS ?? DEFAULT_TICKETS) / 2);
const HOUR = 60 * 60 * 1000;
const TIMEOUT = { timeout: Math.max(60_000, TICKETS_PER_PARTNER * 2 * 100) };

/** Seeds a partner's account: short threads, every 50th ticket a long one, a line item on every 4th. */
function seed(partner: TPartnerAccount, contactEmail: string): void {
  const { state } = partner.server;
  const contact = state.addContact({ customerId: partner.customerId, name: "Known user", email: contactEmail });
  const other = state.addContact({ customerId: partner.customerId, name: "Unknown", email: "someone@elsewhere.test" });
  for (let i = 0; i < TICKETS_PER_PARTNER; i++) {
    const ticket = state.addTicket({ customerId: partner.customerId, subject: `Scale ${i}`, contactId: i % 2 ? contact.id : other.id, createdAt: new Date(Date.now() - 2 * HOUR) });
    const comments = i % 50 === 0 ? 25 : 1 + (i % 3);
    for (let c = 0; c < comments; c++) state.tickets.addComment(ticket.id, { subject: "Update", body: `Reply ${c}`, tech: "Dana", hidden: c === 1, doNotEmail: true, smsBody: null, userId: null });
    if (i % 4 === 0) state.tickets.addLineItem(ticket.id, { name: "Labour", productId: null, description: "Remote work", quantity: 1, priceCost: 20, priceRetail: 90, taxable: false });
  }
}

describe("Syncro sync at scale: two partners from two API instances behind one address", () => {
  let s: TTwoInstances;
  const from = new Map<TPartnerAccount, number>();
  const mark = () => [s.northwind, s.contoso].forEach((partner) => from.set(partner, partner.server.requests.length));
  const local = (partner: TPartnerAccount) => s.t.database.prisma.ticket.findMany({ where: { provider: "syncro", clientId: partner.clientId }, select: { externalId: true, contactId: true, _count: { select: { comments: true, lineItems: true } } } });

  /** Requests each account served since `mark()`, over the tickets it had changed. */
  function report(label: string, changed: number): number {
    const requests = [s.northwind, s.contoso].reduce((sum, partner) => sum + partner.server.requests.length - (from.get(partner) ?? 0), 0);
    const perTicket = requests / (2 * changed);
    console.log(`syncro sync: ${2 * changed} tickets (${label}, two partners at once), ${perTicket.toFixed(2)} requests/ticket`);
    return perTicket;
  }

  beforeAll(async () => {
    s = await startTwoInstances(WINDOW);
    s.clock.behindMs = 2 * HOUR;
    seed(s.northwind, "viewer@fabrikam.test");
    seed(s.contoso, "viewer@litware.test");
    s.clock.behindMs = 0;
  });
  afterAll(() => s.close());

  it("first sync: every ticket once, whole threads, under the per-IP limit, at most 1.2 requests a ticket", TIMEOUT, async () => {
    mark();
    await s.syncBoth();
    // One partner's sync ran on each instance, at the same time.
    expect(s.processed()).toEqual({ a: 1, b: 1 });
    expect(report("first sync", TICKETS_PER_PARTNER)).toBeLessThanOrEqual(1.2);
    for (const partner of [s.northwind, s.contoso]) {
      const tickets = await local(partner);
      expect(new Set(tickets.map((ticket) => ticket.externalId))).toEqual(new Set(partner.server.state.tickets.all().map((ticket) => String(ticket.id))));
      expect(tickets).toHaveLength(TICKETS_PER_PARTNER);
      const byId = new Map(partner.server.state.tickets.all().map((ticket) => [String(ticket.id), ticket]));
      for (const ticket of tickets) expect(ticket._count).toEqual({ comments: byId.get(ticket.externalId ?? "")!.comments.length, lineItems: byId.get(ticket.externalId ?? "")!.line_items.length });
      expect(tickets.filter((ticket) => ticket.contactId !== null)).toHaveLength(TICKETS_PER_PARTNER / 2);
      const served = partner.server.requests.slice(from.get(partner));
      expect(served.filter((request) => request.path.startsWith("/contacts") || request.path.startsWith("/customers"))).toEqual([]);
    }
    expect(s.ipLimit.refused).toBe(0);
    expect(s.ipLimit.peak).toBeLessThanOrEqual(180);
  });

  it("incremental sync: only what changed, still under the limit, at most 1.2 requests a ticket", TIMEOUT, async () => {
    const changed = TICKETS_PER_PARTNER / 10;
    for (const partner of [s.northwind, s.contoso]) {
      const all = partner.server.state.tickets.all();
      for (let i = 0; i < changed - 10; i++) partner.server.state.tickets.update(all[i * 9]!.id, { status: "In Progress" });
      for (let i = 0; i < 10; i++) partner.server.state.addTicket({ customerId: partner.customerId, subject: `Scale new ${i}` });
    }
    mark();
    await s.syncBoth();
    expect(s.processed()).toEqual({ a: 2, b: 2 });
    expect(report("incremental", changed)).toBeLessThanOrEqual(1.2);
    for (const partner of [s.northwind, s.contoso]) {
      expect(await local(partner)).toHaveLength(TICKETS_PER_PARTNER + 10);
      const listed = partner.server.requests.slice(from.get(partner)).filter((request) => /^\/tickets\/\d+$/.test(request.path));
      expect(listed).toHaveLength(changed);
      expect(await s.t.database.prisma.ticket.count({ where: { clientId: partner.clientId, provider: "syncro", status: "IN_PROGRESS" } })).toBe(changed - 10);
    }
    expect(s.ipLimit.refused).toBe(0);
    expect(s.ipLimit.peak).toBeLessThanOrEqual(180);
  });
});
