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

  it("serves a Retry-After it keeps: refused until the time has passed", async () => {
    const server = await start();
    server.faults.rateLimitNext(1, { retryAfterSeconds: 30 });
    const first = await fetch(`${server.url}/tickets`, { headers: bearer });
    const second = await fetch(`${server.url}/customers`, { headers: bearer });
    expect([first.status, first.headers.get("retry-after"), second.status, second.headers.get("retry-after")]).toEqual([429, "30", 429, "30"]);
  });
});
