import { OutboundRefusedError } from "./refusals.js";

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  UND_ERR_SOCKET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  ETIMEDOUT: "timed out",
  UND_ERR_CONNECT_TIMEOUT: "timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
};

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}

/**
 * A short, fixed reason for a request that got no HTTP answer: `address not allowed`,
 * `redirect not followed`, `connection refused`, `host not found`, `timed out`,
 * `TLS handshake failed`, ... or `network error`.
 * @param error What an `OutboundFetch` (or reading its body) threw.
 * @remarks Never the error's own text, which may quote whatever the other end sent.
 */
export function describeNetworkFailure(error: unknown): string {
  if (error instanceof OutboundRefusedError) return error.message;
  const codes = codesOf(error);
  const known = codes.map((code) => NETWORK_CODES[code]).find(Boolean);
  if (known) return known;
  if (codes.some((code) => code.startsWith("ERR_TLS") || code.includes("CERT") || code.startsWith("ERR_SSL"))) return "TLS handshake failed";
  return "network error";
}

/** True when the failure is a refusal by the outbound guard (it will not pass on a retry). */
export const isOutboundRefusal = (error: unknown): error is OutboundRefusedError =>
  error instanceof OutboundRefusedError || (error as { cause?: unknown } | null)?.cause instanceof OutboundRefusedError;

/**
 * A short, fixed name for an HTTP error status, for messages like
 * "Syncro answered 502 (server error)"; the answer's body is never part of it.
 */
export function describeHttpStatus(status: number): string {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not found";
  if (status === 408) return "timed out";
  if (status === 429) return "rate limited";
  if (status >= 500) return "server error";
  if (status >= 400) return "request rejected";
  if (status >= 300) return "redirect not followed";
  return "unexpected answer";
}
