import { describe, expect, it } from "vitest";
import { allRules } from "./permissions.js";
import { fieldsWithoutRules } from "./rules-coverage.js";
import { buildUnprotectedSchema, rulesForSchema } from "./schema.js";

describe("shield rules", () => {
  it("cover every field of the composed core schema", () => {
    const schema = buildUnprotectedSchema();
    expect(fieldsWithoutRules(schema, rulesForSchema(schema))).toEqual([]);
  });

  it("refuse a second rule for the same field", () => {
    expect(() => allRules([{ Query: { health: allRules().Query!.health! } }])).toThrow(/Query.health already has a shield rule/);
  });
});
