import type { TestProject } from "vitest/node";
import { startStack } from "./stack";

declare module "vitest" {
  export interface ProvidedContext {
    webUrl: string;
    /** The same app whose sign-ins last 40 seconds (MSPGRAPH_WEB_SESSION_TTL_SECONDS), for the expiry flow. */
    shortSessionWebUrl: string;
    syncroUrl: string;
    syncroToken: string;
  }
}

// One real stack for every browser test file.
export default async function setup(project: TestProject) {
  const stack = await startStack();
  project.provide("webUrl", stack.webUrl);
  project.provide("shortSessionWebUrl", stack.shortSessionWebUrl);
  project.provide("syncroUrl", stack.syncro.url);
  project.provide("syncroToken", stack.syncro.token);
  return stack.close;
}
