import { request as httpRequest } from "node:http";
import { MAX_BODY_BYTES } from "@mspgraph/schema/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, createTestApi, serveOverSocket } from "./testing/test-api.js";

type Sent = { status: number; body: string; sentAll: boolean; serverClosed: boolean };

/**
 * POSTs `total` bytes of a JSON body to `url` in 64 KiB pieces, chunked or with a
 * Content-Length, writing only while the server reads and has not answered yet; after
 * the answer, waits up to two seconds for the server to close the connection.
 */
function postLargeBody(url: string, options: { total: number; chunked: boolean }): Promise<Sent> {
  const piece = Buffer.alloc(64 * 1024, "x");
  const head = Buffer.from('{"query":"{ health { status } }","variables":{"pad":"');
  const tail = Buffer.from('"}}');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (!options.chunked) headers["content-length"] = String(options.total);
    const req = httpRequest(url, { method: "POST", headers });
    let written = 0;
    let answered = false;
    let closed = false;
    req.on("socket", (socket) => socket.once("close", () => (closed = true)));
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", async () => {
        for (let waited = 0; !closed && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50));
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentAll: written >= options.total, serverClosed: closed });
      });
    });
    // A server that stops reading may reset the connection while we still write; the answer counts.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = () => {
      while (!answered && written < options.total) {
        const left = options.total - written;
        const chunk = written === 0 ? head : left <= tail.length ? tail.subarray(tail.length - left) : piece.subarray(0, Math.min(piece.length, left - tail.length));
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (written >= options.total) req.end();
    };
    write();
  });
}

describe("the request body limit, over a real socket", () => {
  let t: TestApi;
  let server: Awaited<ReturnType<typeof serveOverSocket>>;
  beforeAll(async () => {
    t = await createTestApi({ seed: false });
    server = await serveOverSocket(t.api);
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it.each([
    ["chunked", true],
    ["with Content-Length", false],
  ])("answers 413 PAYLOAD_TOO_LARGE to a 5 MB body sent %s, before reading it all", async (_how, chunked) => {
    const sent = await postLargeBody(`${server.url}/graphql`, { total: 5_000_000, chunked });
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    // The answer comes while the client is still sending, and the server hangs up: it stopped reading.
    expect(sent.sentAll).toBe(false);
    expect(sent.serverClosed).toBe(true);
    expect(t.logs.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });

  it("still accepts a body just under the limit", async () => {
    const query = JSON.stringify({ query: "{ health { status } }", variables: { pad: Array.from({ length: 10 }, () => "x".repeat(MAX_BODY_BYTES / 10 - 100)) } });
    const response = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: query });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ health: { status: "OK" } });
  });
});
