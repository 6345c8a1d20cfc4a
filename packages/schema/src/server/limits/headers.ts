import type { Plugin } from "graphql-yoga";

/** The longest header value accepted (node:http refuses more than 16 KB of headers in all). */
export const MAX_HEADER_LENGTH = 8192;

/**
 * Answers 431 when a header value is longer than anything the API reads could need, before
 * it reaches token parsing, logs or the audit trail.
 */
export function headerLimitPlugin(): Plugin {
  return {
    onRequest: ({ request, endResponse }) => {
      for (const [name, value] of request.headers) {
        // Cookies belong to the web app on the same host; the API never reads them.
        if (value.length <= MAX_HEADER_LENGTH || name === "cookie") continue;
        const body = { errors: [{ message: `The ${name} header is longer than ${MAX_HEADER_LENGTH} characters`, extensions: { code: "HEADER_TOO_LARGE", header: name } }] };
        return endResponse(new Response(JSON.stringify(body), { status: 431, headers: { "content-type": "application/json" } }));
      }
    },
  };
}
