import { type TestApiOptions, type TestApi, createTestApi as createCoreTestApi } from "@mspgraph/schema/testing";
import { pluginRegistry } from "../composed-schema.js";

export { type GraphQLResponse, type Subscription, type TestApi, type TestApiOptions, codeOf, gid, isStaffEmail, serveOverSocket, testSecrets, totpCode } from "@mspgraph/schema/testing";

/** The shared test harness, serving mspgraph's plugins unless a test chooses others. */
export function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  return createCoreTestApi({ ...options, plugins: options.plugins ?? pluginRegistry.plugins });
}
