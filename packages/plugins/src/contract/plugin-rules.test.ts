import { ANONYMOUS, type GraphQLContext, buildProtectedSchema, buildUnprotectedSchema, fieldsWithoutRules, registerPlugins, rules, rulesForSchema } from "@mspgraph/schema";
import { graphql } from "graphql";
import { expect, it } from "vitest";
import { z } from "zod";
import { definePlugin } from "./define-plugin.js";

// A plugin like an outside author would write: one field with a rule, one the author forgot.
const plugin = definePlugin({
  id: "acme-rmm",
  name: "Acme RMM",
  version: "1.0.0",
  credentialsSchema: z.object({ apiKey: z.string() }),
  configSchema: z.object({}),
  register(schemaBuilder) {
    schemaBuilder.queryField("acmeStatus", (t) => t.string({ resolve: () => "all green" }));
    schemaBuilder.queryField("acmeForgotten", (t) => t.string({ resolve: () => "leaked" }));
  },
  rules: { Query: { acmeStatus: rules.isAuthenticated } },
});

it("merges a plugin's rules and denies its field that has none", async () => {
  const parts = registerPlugins([plugin]);
  const schema = buildProtectedSchema(parts);
  const staff = { principal: { kind: "staff", userId: "u", sessionId: "s", role: "OWNER", partnerId: "p" }, requestId: "r" } as unknown as GraphQLContext;
  expect((await graphql({ schema, source: "{ acmeStatus }", contextValue: staff })).data).toEqual({ acmeStatus: "all green" });
  const anonymous = await graphql({ schema, source: "{ acmeStatus }", contextValue: { principal: ANONYMOUS, requestId: "r" } });
  expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  const forgotten = await graphql({ schema, source: "{ acmeForgotten }", contextValue: staff });
  expect(forgotten.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(JSON.stringify(forgotten)).not.toContain("leaked");
  const unprotected = buildUnprotectedSchema();
  expect(fieldsWithoutRules(unprotected, rulesForSchema(unprotected, parts))).toEqual(["Query.acmeForgotten"]);
});
