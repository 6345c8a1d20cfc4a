import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { describeNetworkFailure } from "./failures.js";
import { createGuardedFetch, guardedFetch } from "./guarded-fetch.js";
import { STRICT_OUTBOUND, parseOutboundAllow } from "./policy.js";
import { OutboundRefusedError } from "./refusals.js";

type TLocalServer = { port: number; requests: string[]; close(): Promise<void> };
const servers: TLocalServer[] = [];
afterEach(async () => void (await Promise.all(servers.splice(0).map((server) => server.close()))));

/** A plain http server on 127.0.0.1 that records what reaches it and answers `answer`. */
async function localServer(answer: (res: import("node:http").ServerResponse) => void = (res) => res.end("{}")): Promise<TLocalServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const local = {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.push(local);
  return local;
}

const refusalOf = (call: Promise<unknown>) => call.then(() => new Error("the request was sent"), (error: unknown) => error);

describe("guardedFetch", () => {
  it.each([
    ["https://127.0.0.1:9/", "127.0.0.1 is a loopback address"],
    ["https://10.1.2.3/", "10.1.2.3 is a private address"],
    ["https://192.168.1.1/", "192.168.1.1 is a private address"],
    ["https://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT address"],
    ["https://0.0.0.0/", "0.0.0.0 is an unspecified address"],
    ["https://224.0.0.1/", "224.0.0.1 is a multicast address"],
    ["https://[::1]/", "::1 is a loopback address"],
    ["https://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is a loopback address"],
    ["https://[fe80::1]/", "fe80::1 is a link-local address"],
    ["https://[fd12::1]/", "fd12::1 is a unique-local address"],
    ["https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"],
    ["https://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address"],
    ["http://api.example.com/", "only https is allowed, except to hosts named in MSPGRAPH_OUTBOUND_ALLOW"],
    ["file:///etc/passwd", "only https is allowed, except to hosts named in MSPGRAPH_OUTBOUND_ALLOW"],
  ])("refuses %s before connecting", async (url, detail) => {
    const error = await refusalOf(guardedFetch(STRICT_OUTBOUND)(url));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect((error as Error).message).toBe(`address not allowed (${detail})`);
    expect(describeNetworkFailure(error)).toBe(`address not allowed (${detail})`);
  });

  it("refuses a name that resolves to loopback, on the address it resolves to when connecting", async () => {
    const server = await localServer();
    const error = await refusalOf(guardedFetch(STRICT_OUTBOUND)(`https://localhost:${server.port}/`));
    expect((error as Error).message).toMatch(/^address not allowed \(localhost resolves to a loopback address\)$/);
    const rebinding = createGuardedFetch({ policy: STRICT_OUTBOUND, lookup: async () => ["127.0.0.1"] });
    const rebound = await refusalOf(rebinding(`https://vendor.example.com:${server.port}/api`));
    expect((rebound as Error).message).toBe("address not allowed (vendor.example.com resolves to a loopback address)");
    expect(server.requests).toEqual([]);
  });

  it("refuses cloud metadata addresses even when an allowed range covers them", async () => {
    const policy = parseOutboundAllow("169.254.0.0/16, 0.0.0.0/0");
    const error = await refusalOf(createGuardedFetch({ policy, lookup: async () => ["169.254.169.254"] })("http://metadata.internal/"));
    expect((error as Error).message).toBe("address not allowed (metadata.internal resolves to a cloud metadata address)");
  });

  it("reaches a host the allow-list names, over http, but not another name for the same address", async () => {
    const server = await localServer((res) => res.end('{"ok":true}'));
    const fetch = guardedFetch(parseOutboundAllow(`127.0.0.1:${server.port}`));
    expect(await (await fetch(`http://127.0.0.1:${server.port}/ping`)).json()).toEqual({ ok: true });
    const other = await refusalOf(fetch(`http://localhost:${server.port}/ping`));
    expect((other as Error).message).toMatch(/^address not allowed/);
    expect(server.requests).toEqual(["GET /ping"]);
  });

  it("reaches a name whose address lies in an allowed range", async () => {
    const server = await localServer();
    const fetch = createGuardedFetch({ policy: parseOutboundAllow("127.0.0.0/8"), lookup: async () => ["127.0.0.1"] });
    expect((await fetch(`http://syncro.internal:${server.port}/x`)).status).toBe(200);
    expect(server.requests).toEqual(["GET /x"]);
  });

  it("does not follow a redirect, so a redirect to a private address reaches nothing", async () => {
    const inside = await localServer();
    const outside = await localServer((res) => res.writeHead(302, { location: `http://localhost:${inside.port}/secret` }).end());
    const fetch = guardedFetch(parseOutboundAllow(`127.0.0.1:${outside.port}`));
    const error = await refusalOf(fetch(`http://127.0.0.1:${outside.port}/start`, { method: "POST", body: "password=hunter2" }));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect((error as Error).message).toBe(`redirect not followed (127.0.0.1:${outside.port} answered 302)`);
    expect(outside.requests).toEqual(["POST /start"]);
    expect(inside.requests).toEqual([]);
  });

  it("classifies a refused connection without quoting the error", async () => {
    const server = await localServer();
    await server.close();
    servers.pop();
    const error = await refusalOf(guardedFetch(parseOutboundAllow("127.0.0.1"))(`http://127.0.0.1:${server.port}/`));
    expect(describeNetworkFailure(error)).toBe("connection refused");
  });
});

describe("parseOutboundAllow", () => {
  it("reads hosts, host:port pairs and CIDR ranges, and names the entry it cannot read", () => {
    const policy = parseOutboundAllow(" syncro.internal , 127.0.0.1:8080,[::1]:9000, ::1, 10.20.0.0/16 ");
    expect(policy.hosts).toEqual([
      { host: "syncro.internal", port: null },
      { host: "127.0.0.1", port: 8080 },
      { host: "::1", port: 9000 },
      { host: "::1", port: null },
    ]);
    expect(policy.ranges).toHaveLength(1);
    expect(parseOutboundAllow("")).toEqual(STRICT_OUTBOUND);
    expect(() => parseOutboundAllow("syncro internal")).toThrow('"syncro internal" is not a host, host:port or CIDR range');
    expect(() => parseOutboundAllow("10.0.0.0/99")).toThrow('"10.0.0.0/99" is not a host, host:port or CIDR range');
    expect(() => parseOutboundAllow("host:70000")).toThrow('"host:70000" has no valid port');
  });
});
