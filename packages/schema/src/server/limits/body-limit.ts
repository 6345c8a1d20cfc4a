/** Request bodies larger than this are refused with 413 before they are read whole. */
export const MAX_BODY_BYTES = 1_000_000;

type FetchAPI = { Request: typeof Request; ReadableStream: typeof ReadableStream };

// Requests whose body went over the limit while something read it.
const overLimit = new WeakSet<Request>();

/** The answer to a body over the limit; the connection closes, so the rest is never read. */
export function payloadTooLarge(): Response {
  const body = { errors: [{ message: `The request body is over ${MAX_BODY_BYTES} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] };
  return new Response(JSON.stringify(body), { status: 413, headers: { "content-type": "application/json", connection: "close" } });
}

/** Whether reading `request`'s body stopped at the limit (its reader then saw an error). */
export const wentOverLimit = (request: Request) => overLimit.has(request);

/**
 * `request` with a body that counts bytes as they stream in and fails once past the limit,
 * without reading further (chunked bodies have no Content-Length to check up front).
 * A declared Content-Length over the limit is refused at once: the answer is a Response.
 */
export function limitBody(request: Request, fetchAPI: FetchAPI): Request | Response {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared)) {
    // node:http's parser ends a body at its declared length, so only chunked bodies need counting.
    return Number(declared) > MAX_BODY_BYTES ? payloadTooLarge() : request;
  }
  const source = request.body;
  if (!source) return request;
  const reader = source.getReader();
  let seen = 0;
  const limited: Request = new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    duplex: "half",
    body: new fetchAPI.ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen <= MAX_BODY_BYTES) return controller.enqueue(value);
        overLimit.add(limited);
        // Not cancelled: cancelling would reset the socket before the 413 reaches the caller.
        reader.releaseLock();
        controller.error(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
      },
      cancel: (reason) => reader.cancel(reason),
    }),
  } as RequestInit);
  return limited;
}
