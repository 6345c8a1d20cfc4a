import { formatDuration, parseRetryAfter } from "./backoff.js";
import { describeNetworkFailure, isOutboundRefusal } from "@mspgraph/schema";
import { errorForStatus, SyncroApiError } from "./errors.js";
import type { TSyncroQuery, TSyncroRequest, TSyncroTransport } from "./transport.js";

// The abort reason our own timer uses, so a timeout can be told apart from other aborts.
class TimeoutAbort extends Error {}

/** One HTTP attempt with its own timeout; the body is read and validated inside it. */
export async function sendOnce<T>(transport: TSyncroTransport, request: TSyncroRequest<T>): Promise<T> {
  const call = `${request.method} ${request.path}`;
  const url = buildUrl(transport.baseUrl, request);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutAbort()), transport.timeoutMs);
  try {
    const response = await transport.fetch(url, {
      method: request.method,
      headers: headersFor(transport.apiToken, request.body !== undefined),
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: controller.signal,
    });
    if (!response.ok) {
      // The body is never read: whatever answered must not get its words in front of the caller.
      await response.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
      throw errorForStatus({ status: response.status, call, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
    }
    const text = await response.text();
    return parseBody({ text, contentType: response.headers.get("content-type"), call, schema: request.schema });
  } catch (error) {
    throw classify({ error, controller, call, transport, method: request.method, url });
  } finally {
    clearTimeout(timer);
  }
}

// Appended rather than resolved: `new URL("/tickets", base)` would drop the base's /api/v1.
export function buildUrl(baseUrl: string, request: { path: string; query?: TSyncroQuery }): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}

function headersFor(apiToken: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json", Authorization: `Bearer ${apiToken}` };
  if (hasBody) headers["Content-Type"] = "application/json";
  return headers;
}

function parseBody<T>(input: { text: string; contentType: string | null; call: string; schema: TSyncroRequest<T>["schema"] }): T {
  const { text, call } = input;
  let json: unknown = null;
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      // A wrong subdomain tends to land on a login or marketing page rather than an error.
      const html = input.contentType?.includes("html") || /^\s*</.test(text);
      const hint = html ? "; Syncro answered with a web page: check the subdomain" : "";
      throw new SyncroApiError({ kind: "bad_payload", message: `Syncro sent an answer to ${call} that is not JSON${hint}` });
    }
  }
  const parsed = input.schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? ` (${first.path.join(".") || "body"}: ${first.message})` : "";
  throw new SyncroApiError({ kind: "bad_payload", message: `Syncro answered ${call} in an unexpected shape${where}` });
}

function classify(input: { error: unknown; controller: AbortController; call: string; transport: TSyncroTransport; method: string; url: URL }): unknown {
  const { error, call, method } = input;
  // Syncro may have acted on a write it did not confirm; say so, since we will not resend it.
  const unconfirmed = method === "GET" ? "" : "; it may still have been saved, so check Syncro before trying again";
  if (error instanceof SyncroApiError) {
    if (error.kind !== "server" || !unconfirmed) return error;
    return new SyncroApiError({ kind: "server", message: `${error.message}${unconfirmed}`, ...(error.status === undefined ? {} : { status: error.status }) });
  }
  if (input.controller.signal.reason instanceof TimeoutAbort) {
    return new SyncroApiError({ kind: "timeout", message: `Syncro did not answer within ${formatDuration(input.transport.timeoutMs)} (${call})${unconfirmed}` });
  }
  const because = describeNetworkFailure(error);
  if (isOutboundRefusal(error)) {
    return new SyncroApiError({ kind: "not_allowed", message: `Syncro may not be called at ${input.url.host}: ${because}`, cause: error });
  }
  if (because === "host not found") {
    return new SyncroApiError({ kind: "unreachable", message: `Syncro host not found: check the subdomain (${input.url.hostname})`, cause: error });
  }
  return new SyncroApiError({ kind: "unreachable", message: `Syncro could not be reached at ${input.url.host} (${because}): check the network and the subdomain`, cause: error });
}
