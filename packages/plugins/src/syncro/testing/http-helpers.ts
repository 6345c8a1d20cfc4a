import type { IncomingMessage, ServerResponse } from "node:http";

export const PER_PAGE = 25;

export function sendJson(res: ServerResponse, answer: { status: number; body: unknown; headers?: Record<string, string> }): void {
  res.writeHead(answer.status, { "Content-Type": "application/json; charset=utf-8", ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

export const sendOk = (res: ServerResponse, body: unknown) => sendJson(res, { status: 200, body });

/** Rails' usual error body: `{ success: false, message: [...] }`. */
export const railsErrors = (messages: string[]) => ({ success: false, message: messages });

/** 422, as Rails answers a record that fails validation. */
export const sendInvalid = (res: ServerResponse, messages: string[]) => sendJson(res, { status: 422, body: railsErrors(messages) });

export const sendNotFound = (res: ServerResponse) => sendJson(res, { status: 404, body: { error: "Not found" } });

export const sendUnauthorized = (res: ServerResponse) => sendJson(res, { status: 401, body: { error: "Not Authorized" } });

/** The parsed JSON body, or undefined when it is missing or not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** One page of `rows` and Syncro's `meta` for it; pages start at 1. */
export function paginate<T>(rows: readonly T[], pageParam: string | null): { rows: T[]; meta: Record<string, number> } {
  const page = Math.max(1, Number.parseInt(pageParam ?? "1", 10) || 1);
  const start = (page - 1) * PER_PAGE;
  return {
    rows: rows.slice(start, start + PER_PAGE),
    meta: { total_pages: Math.max(1, Math.ceil(rows.length / PER_PAGE)), total_entries: rows.length, per_page: PER_PAGE, page },
  };
}

/** A positive whole number from a path segment or a body field, else undefined. */
export function idFrom(value: unknown): number | undefined {
  const id = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export const textFrom = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export function numberFrom(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}
