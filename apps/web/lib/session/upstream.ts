import type { TadaDocumentNode } from "gql.tada";
import { print } from "graphql";
import { apiUrl } from "../api-url";

export type TApiError = { message: string; extensions?: { code?: string; retryAfterSeconds?: number } };
export type TApiResult<R> = { data?: R | null; errors?: TApiError[] };

export class ApiUnreachableError extends Error {
  constructor() {
    super("The API is not reachable");
  }
}

/** Headers that tell the API who the browser is (throttling and the audit trail use them). */
export function clientHeaders(request: Request): Headers {
  const headers = new Headers();
  for (const name of ["user-agent", "x-request-id"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // Next fills in the browser's socket address when no proxy in front sent the header; the API
  // walks it from the right, believing it only because it trusts this server (MSPGRAPH_TRUSTED_PROXIES).
  const forwarded = request.headers.get("x-forwarded-for");
  if (forwarded) headers.set("x-forwarded-for", forwarded);
  return headers;
}

/** Runs one operation against the API on the web server's side (session routes). */
export async function callApi<R, V>(options: { document: TadaDocumentNode<R, V>; variables?: V; token?: string; request: Request }): Promise<TApiResult<R>> {
  const headers = clientHeaders(options.request);
  headers.set("content-type", "application/json");
  headers.set("accept", "application/json");
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let response: Response;
  try {
    response = await fetch(`${apiUrl()}/graphql`, { method: "POST", headers, body: JSON.stringify({ query: print(options.document), variables: options.variables ?? {} }) });
  } catch {
    throw new ApiUnreachableError();
  }
  try {
    return (await response.json()) as TApiResult<R>;
  } catch {
    throw new ApiUnreachableError();
  }
}

export function errorCode(result: TApiResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
