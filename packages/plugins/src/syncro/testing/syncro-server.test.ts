import { afterEach, describe, expect, it } from "vitest";
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
    expect(list.meta).toEqual({ total_pages: 1, total_entries: 1, per_page: 25, page: 1 });
    expect(list.tickets).toEqual([expect.objectContaining({ id: ticket.id, subject: "VPN down", customer_business_then_name: null, contact_fullname: null })]);
    const one = (await (await fetch(`${server.url}/tickets/${ticket.id}`, { headers: bearer })).json()) as Record<string, unknown>;
    expect(one.ticket).toMatchObject({ id: ticket.id, comments: [], line_items: [] });
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
