"use client";

import { useMemo } from "react";
import { Provider, gql, useQuery } from "urql";
import { createBrowserClient } from "../lib/urql";

const HealthQuery = gql`
  query Health {
    health {
      status
    }
  }
`;

function HealthStatus() {
  const [{ data, fetching, error }] = useQuery<{ health: { status: "OK" | "DEGRADED" } }>({ query: HealthQuery });
  if (fetching) return <span className="status">Checking the API…</span>;
  const state = error ? "unreachable" : (data?.health.status ?? "unreachable");
  const label = state === "OK" ? "API and database are up" : state === "DEGRADED" ? "API is up, database is not answering" : "API is not reachable";
  return (
    <span className="status" data-state={state} role="status">
      {label}
    </span>
  );
}

export function ApiHealth() {
  const client = useMemo(createBrowserClient, []);
  return (
    <Provider value={client}>
      <HealthStatus />
    </Provider>
  );
}
