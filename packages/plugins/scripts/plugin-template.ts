/** The files of a new plugin, by path inside its folder. */
export function pluginTemplate(id: string): Record<string, string> {
  const name = id.split("-").map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
  const field = id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  return {
    "index.ts": `import { rules } from "@mspgraph/schema";
import { z } from "zod";
import { definePlugin } from "../contract/define-plugin.js";
import { createClient } from "./client.js";

export const ZCredentials = z.object({ apiToken: z.string().min(1, "must not be empty") });
export const ZConfig = z.object({ baseUrl: z.string().url().default("https://api.example.com") });

export default definePlugin({
  id: "${id}",
  name: "${name}",
  version: "0.1.0",
  description: "${name} for mspgraph",
  credentialsSchema: ZCredentials,
  configSchema: ZConfig,
  // The token goes to baseUrl: a new one needs the token entered again.
  endpoint: ({ config }) => ({ url: ZConfig.parse(config).baseUrl, field: "config.baseUrl" }),
  async verifyCredentials({ credentials, config, fetch }) {
    const ok = await createClient({ baseUrl: config.baseUrl, apiToken: credentials.apiToken, fetch }).ping();
    return ok ? { ok: true } : { ok: false, message: "${name} rejected the API token" };
  },
  register(builder) {
    builder.queryField("${field}Version", (t) => t.string({ description: "The ${name} plugin's version", resolve: () => "0.1.0" }));
  },
  rules: { Query: { ${field}Version: rules.isStaff } },
});
`,
    "schema.prisma": `// ${name}'s own tables, if it needs any (the core's models are in prisma/schema).
// Prisma reads this file through the link prisma/schema/plugins/${id}.prisma; after adding a
// model, write a migration (see docs/plugins.md, "Your own tables"). Name models after the
// plugin, give them partnerId, declare each one's tenancy in the definition's \`tenancy\`
// (a model without a declaration is refused), and reach them through context.prisma, which is
// scoped to the connection's partner.
`,
    "client.ts": `import type { OutboundFetch } from "@mspgraph/schema";

/**
 * The service's API, reached over HTTP; tests point it at a local server.
 * @param options \`fetch\` is the core's guarded fetch (context.fetch, or verifyCredentials' fetch), never the global one.
 */
export function createClient(options: { baseUrl: string; apiToken: string; fetch: OutboundFetch; timeoutMs?: number }) {
  const call = (path: string) =>
    options.fetch(\`\${options.baseUrl}\${path}\`, {
      headers: { authorization: \`Bearer \${options.apiToken}\` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  return {
    /** True when the token is accepted. */
    async ping(): Promise<boolean> {
      const response = await call("/me");
      return response.ok;
    },
  };
}
`,
    "testing/server.ts": `import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A local stand-in for the service's API that accepts one token. Extend it as the client grows. */
export async function startServer(options: { token: string }) {
  const server = createServer((req, res) => {
    const authorized = req.headers.authorization === \`Bearer \${options.token}\`;
    if (req.url === "/me") return void res.writeHead(authorized ? 200 : 401, { "content-type": "application/json" }).end(authorized ? '{"ok":true}' : '{"error":"unauthorized"}');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: \`http://127.0.0.1:\${(server.address() as AddressInfo).port}\`, close: () => new Promise((resolve) => server.close(resolve)) };
}
`,
    "index.test.ts": `import { guardedFetch } from "@mspgraph/schema";
import { TEST_OUTBOUND, codeOf, createTestApi } from "@mspgraph/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "./index.js";
import { startServer } from "./testing/server.js";

describe("${name} plugin", () => {
  let service: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    service = await startServer({ token: "good-token" });
  });
  afterAll(() => service.close());

  it("has a valid definition with a rule for every field it adds", () => {
    expect(plugin.id).toBe("${id}");
    expect(Object.keys(plugin.rules?.Query ?? {})).toEqual(["${field}Version"]);
  });

  it("accepts good credentials and rejects bad ones, against the local service", async () => {
    const config = { baseUrl: service.url };
    const fetch = guardedFetch(TEST_OUTBOUND);
    expect(await plugin.verifyCredentials!({ credentials: { apiToken: "good-token" }, config, fetch })).toEqual({ ok: true });
    expect(await plugin.verifyCredentials!({ credentials: { apiToken: "bad" }, config, fetch })).toEqual({ ok: false, message: "${name} rejected the API token" });
  });

  it("serves its field through the real API to staff, and refuses it to client users", async () => {
    const api = await createTestApi({ plugins: [plugin] });
    try {
      const staff = await api.gql("{ ${field}Version }", {}, { token: await api.tokenFor("tech@northwind-msp.test") });
      expect(staff.data).toEqual({ ${field}Version: "0.1.0" });
      const client = await api.gql("{ ${field}Version }", {}, { token: await api.tokenFor("viewer@fabrikam.test") });
      expect(codeOf(client)).toBe("FORBIDDEN");
    } finally {
      await api.close();
    }
  });
});
`,
  };
}
