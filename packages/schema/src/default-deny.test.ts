import { graphql } from "graphql";
import { expect, it } from "vitest";
import { builder } from "./builder.js";
import type { GraphQLContext } from "./context.js";
import { ANONYMOUS } from "./principal.js";
import { fieldsWithoutRules } from "./rules-coverage.js";
import { buildProtectedSchema, buildUnprotectedSchema, rulesForSchema } from "./schema.js";

// A field added without a rule (here, in this test file only) must be refused, not served.
builder.queryField("unguardedSecret", (t) => t.string({ resolve: () => "leaked" }));

it("denies a field that has no shield rule with FORBIDDEN, and the coverage walk names it", async () => {
  const context = { principal: ANONYMOUS, requestId: "test" } as GraphQLContext;
  const result = await graphql({ schema: buildProtectedSchema(), source: "{ unguardedSecret }", contextValue: context });
  expect(result.data).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(JSON.stringify(result)).not.toContain("leaked");
  const schema = buildUnprotectedSchema();
  expect(fieldsWithoutRules(schema, rulesForSchema(schema))).toEqual(["Query.unguardedSecret"]);
});
