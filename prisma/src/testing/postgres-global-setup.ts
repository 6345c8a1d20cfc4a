import type { TestProject } from "vitest/node";
import { databaseFromUrl } from "../client.js";
import { applyMigrations } from "../migrate.js";
import { databaseUrl, startPostgresServer } from "./postgres-server.js";

export const TEMPLATE_DATABASE = "mspgraph_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Vitest global setup for the `postgres` project: one server per run, and a template
 * database with every migration applied that each test file copies.
 */
export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  const admin = databaseFromUrl(server.url, { max: 1 });
  await admin.sql.exec(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.close();
  const template = databaseFromUrl(databaseUrl(server.url, TEMPLATE_DATABASE), { max: 1 });
  await applyMigrations(template);
  await template.close();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
