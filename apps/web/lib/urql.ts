import { Client, cacheExchange, fetchExchange } from "urql";

/** The browser's GraphQL client: same-origin /graphql, forwarded to the API by the web server. */
export function createBrowserClient(): Client {
  return new Client({ url: "/graphql", exchanges: [cacheExchange, fetchExchange], requestPolicy: "network-only" });
}
