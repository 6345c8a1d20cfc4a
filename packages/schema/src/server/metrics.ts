import type { Database } from "@mspgraph/db";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The API's Prometheus metrics, in a registry of its own (one per API instance). */
export function createMetrics(database: Database) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "mspgraph_" });
  const requests = new Counter({
    name: "mspgraph_http_requests_total",
    help: "HTTP requests by route and status",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "mspgraph_graphql_request_duration_seconds",
    help: "GraphQL request latency by operation type",
    labelNames: ["operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({ name: "mspgraph_graphql_errors_total", help: "GraphQL errors by extensions.code", labelNames: ["code"] as const, registers: [registry] });
  for (const [name, pick] of [
    ["total", (s: ReturnType<Database["poolStats"]>) => s.total],
    ["idle", (s: ReturnType<Database["poolStats"]>) => s.idle],
    ["waiting", (s: ReturnType<Database["poolStats"]>) => s.waiting],
  ] as const) {
    new Gauge({
      name: `mspgraph_db_pool_${name}_connections`,
      help: `Database pool connections: ${name}`,
      registers: [registry],
      collect() {
        this.set(pick(database.poolStats()));
      },
    });
  }
  return { registry, requests, duration, errors };
}

export type Metrics = ReturnType<typeof createMetrics>;
