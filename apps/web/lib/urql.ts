"use client";

import { type ReactNode, createElement, useState } from "react";
import { Client, Provider, cacheExchange, fetchExchange } from "urql";
import { CSRF_HEADER } from "./csrf";
import { SESSION_ENDED_HEADER } from "./session/constants";

/** Where a page goes when the server says its session has ended. */
export function signInUrlAfterEnd(pathname: string): string {
  return pathname.startsWith("/portal") ? "/portal/login?reason=ended" : "/login?reason=ended";
}

// Every request carries the CSRF header; a response saying the session ended sends the page
// to sign-in with a message, instead of leaving it showing errors.
const sessionAwareFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set(CSRF_HEADER, "1");
  const response = await fetch(input, { ...init, headers, credentials: "same-origin" });
  if (response.headers.get(SESSION_ENDED_HEADER) === "ended" && typeof window !== "undefined") {
    window.location.assign(signInUrlAfterEnd(window.location.pathname));
  }
  return response;
};

/**
 * The browser's GraphQL client: same-origin /graphql, forwarded to the API by the web server
 * with the session's token. Subscriptions (alertChanged) run over the same route as
 * server-sent events (`fetchSubscriptions`).
 */
export function createBrowserClient(): Client {
  return new Client({ url: "/graphql", exchanges: [cacheExchange, fetchExchange], requestPolicy: "cache-and-network", fetch: sessionAwareFetch, fetchSubscriptions: true, preferGetMethod: false });
}

/** The app-wide urql client, made once per browser tab; layouts wrap their pages in it. */
export function UrqlProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createBrowserClient);
  return createElement(Provider, { value: client }, children);
}
