import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as wait } from "node:timers/promises";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** ASP.NET Web API's error shape, which MSP360 uses. */
export const sendMessage = (res: ServerResponse, status: number, message: string) => sendJson(res, status, { Message: message });

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

// Resolves on "drain", or on "close" when the client went away and drain will never come.
const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });

/**
 * Streams a JSON array a few rows at a time with backpressure, like a large MSP360 answer,
 * so the server never builds the whole payload in memory either.
 */
export async function streamJsonArray(input: {
  res: ServerResponse;
  rows: readonly unknown[];
  chunkRows: number;
  stallAfterFirstChunkMs?: number;
  signal: AbortSignal;
}): Promise<void> {
  const { res, rows, chunkRows } = input;
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
  res.write("[");
  for (let start = 0; start < rows.length; start += chunkRows) {
    if (res.destroyed) return;
    const text = rows.slice(start, start + chunkRows).map((row) => JSON.stringify(row)).join(",");
    if (!res.write(start === 0 ? text : `,${text}`)) await drained(res);
    if (start === 0 && input.stallAfterFirstChunkMs) await wait(input.stallAfterFirstChunkMs, undefined, { signal: input.signal });
  }
  if (!res.destroyed) res.end("]");
}
