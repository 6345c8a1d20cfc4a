import { afterEach, describe, expect, it } from "vitest";
import { SyncroIpRateLimit } from "./ip-rate-limit.js";
import { startSyncroServer, type TSyncroServer } from "./syncro-server.js";

const servers: TSyncroServer[] = [];

async function start() {
  const server = await startSyncroServer({ token: "T-server-test" });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const bearer = { Authorization: "Bearer T-server-test" };

describe("the local Syncro server", () => {
  it("answers in Syncro's documented shapes", async () => {
    const server = await start();
    const ticket = server.state.addTicket({ subject: "VPN down" });
    const list = (await (await fetch(`${server.url}/tickets`, { headers: bearer })).json()) as Record<string, unknown>;
    expect(list.meta).toEqual({ total_pages: 1, page: 1 });
    expect(list.tickets).toEqual([expect.objectContaining({ id: ticket.id, subject: "VPN down", customer_business_then_name: null, contact_fullname: null })]);
    const one = (await (await fetch(`${server.url}/tickets/${ticket.id}`, { headers: bearer })).json()) as Record<string, unknown>;
    expect(one.ticket).toMatchObject({ id: ticket.id, comments: [], line_items: [], customer: { id: ticket.customer_id }, contact: null });
  });

  it("lists 25 tickets a page, and cuts a long thread short in the ticket while /comments pages all of it, newest first", async () => {
    const server = await start();
    for (let i = 0; i < 30; i++) server.state.addTicket();
    const ticket = server.state.addTicket();
    for (let i = 0; i < 23; i++) server.state.tickets.addComment(ticket.id, { subject: "s", body: `c${i}`, tech: null, hidden: false, doNotEmail: false, smsBody: null, userId: null });
    const get = async (path: string) => (await (await fetch(`${server.url}${path}`, { headers: bearer })).json()) as Record<string, any>;
    const second = await get("/tickets?page=2");
    expect([second.tickets.length, second.meta]).toEqual([6, { total_pages: 2, page: 2 }]);
    const listed = (await get("/tickets")).tickets.find((row: { id: number }) => row.id === ticket.id);
    expect(listed.comments.map((c: { body: string }) => c.body)).toEqual(["c0"]);
    expect((await get(`/tickets/${ticket.id}`)).ticket.comments).toHaveLength(20);
    const page3 = await get(`/tickets/${ticket.id}/comments?page=3`);
    expect([page3.comments.map((c: { body: string }) => c.body), page3.meta]).toEqual([["c2", "c1", "c0"], { total_pages: 3, page: 3, per_page: 10 }]);
  });

  it("refuses more than its per-IP limit whatever the token, with a text 429 and no Retry-After", async () => {
    const limit = new SyncroIpRateLimit({ max: 3, windowMs: 60_000 });
    const first = await startSyncroServer({ token: "T-one", rateLimit: limit });
    const second = await startSyncroServer({ token: "T-two", rateLimit: limit });
    servers.push(first, second);
    const call = (server: TSyncroServer, token: string) => fetch(`${server.url}/tickets`, { headers: { Authorization: `Bearer ${token}` } });
    const statuses = [];
    for (const [server, token] of [[first, "T-one"], [second, "T-two"], [first, "T-one"]] as const) statuses.push((await call(server, token)).status);
    const refused = await call(second, "T-two");
    expect([...statuses, refused.status]).toEqual([200, 200, 200, 429]);
    expect([refused.headers.get("retry-after"), refused.headers.get("content-type"), await refused.text()]).toEqual([null, "text/plain", "Retry later\n"]);
  });

  it("takes the older ?api_key= form and refuses a wrong token with a JSON 401", async () => {
    const server = await start();
    expect((await fetch(`${server.url}/tickets/settings?api_key=T-server-test`)).status).toBe(200);
    const refused = await fetch(`${server.url}/tickets/settings`, { headers: { Authorization: "Bearer nope" } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "Not Authorized" });
    // The token is kept out of the request log.
    expect(server.requests[0]?.query).toEqual({});
  });

  it("answers a permission the token lacks with Syncro's 401 and words, and lists it as missing in GET /me", async () => {
    const server = await start();
    server.state.denyPermission("Customers - View Detail");
    const refused = await fetch(`${server.url}/contacts`, { headers: bearer });
    expect([refused.status, await refused.json()]).toEqual([401, { error: "Not authorized. Please ask account admin to update your group permissions." }]);
    expect((await fetch(`${server.url}/customers`, { headers: bearer })).status).toBe(200);
    const me = (await (await fetch(`${server.url}/me`, { headers: bearer })).json()) as { user_id: number; permissions: Record<string, Record<string, boolean>> };
    expect(me.user_id).toBe(server.state.apiUserId);
    expect(me.permissions.customer).toEqual({ read: false, write: true, delete: true });
    expect(me.permissions.ticket).toEqual({ read: true, write: true, delete: true });
  });

  it("refuses what Syncro refuses: line items without a description, comments without a subject or body, update_line_item but by PUT", async () => {
    const server = await start();
    const ticket = server.state.addTicket();
    const send = (method: string, path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method, headers: { ...bearer, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const noDescription = await send("POST", `/tickets/${ticket.id}/add_line_item`, { name: "Cable", product_id: 12, quantity: 1 });
    expect([noDescription.status, await noDescription.json()]).toEqual([422, { errors: "Description can't be blank", params: {} }]);
    const added = await send("POST", `/tickets/${ticket.id}/add_line_item`, { name: "Cable", description: "Cat6, 2 m", quantity: 1 });
    // The bare line item, no wrapper.
    const item = (await added.json()) as { id: number; description: string };
    expect(item).toMatchObject({ description: "Cat6, 2 m", ticket_id: ticket.id });
    expect((await send("POST", `/tickets/${ticket.id}/update_line_item`, { ticket_line_item_id: item.id, quantity: 2 })).status).toBe(404);
    expect((await send("PUT", `/tickets/${ticket.id}/update_line_item`, { ticket_line_item_id: item.id, quantity: 2 })).status).toBe(200);
    const noSubject = await send("POST", `/tickets/${ticket.id}/comment`, { body: "Replaced the cable" });
    expect([noSubject.status, await noSubject.json()]).toEqual([422, { success: false, message: ["Subject can't be blank"] }]);
    const noBody = await send("POST", `/tickets/${ticket.id}/comment`, { subject: "Update" });
    expect(noBody.status).toBe(422);
    expect(server.state.ticket(ticket.id)?.comments).toEqual([]);
  });

  it("refuses a new ticket without a ticket type when the account requires one, and an unknown one always", async () => {
    const server = await start();
    const customer = server.state.addCustomer();
    const create = (body: Record<string, unknown>) =>
      fetch(`${server.url}/tickets`, { method: "POST", headers: { ...bearer, "Content-Type": "application/json" }, body: JSON.stringify({ customer_id: customer.id, subject: "Printer", ...body }) });
    expect((await create({})).status).toBe(200);
    expect((await create({ ticket_type_id: 999 })).status).toBe(422);
    server.state.requireTicketType = true;
    const settings = (await (await fetch(`${server.url}/tickets/settings`, { headers: bearer })).json()) as Record<string, unknown>;
    expect(settings).toMatchObject({ require_ticket_type: true, ticket_types: [{ id: 301, name: "Incident" }, { id: 302, name: "Service Request" }] });
    expect((await create({})).status).toBe(422);
    expect((await create({ ticket_type_id: 301 })).status).toBe(200);
    expect((await create({ ticket_type_id: 301, comments_attributes: [{ body: "no subject" }] })).status).toBe(422);
  });

  it("serves a Retry-After it keeps: refused until the time has passed", async () => {
    const server = await start();
    server.faults.rateLimitNext(1, { retryAfterSeconds: 30 });
    const first = await fetch(`${server.url}/tickets`, { headers: bearer });
    const second = await fetch(`${server.url}/customers`, { headers: bearer });
    expect([first.status, first.headers.get("retry-after"), second.status, second.headers.get("retry-after")]).toEqual([429, "30", 429, "30"]);
  });
});
