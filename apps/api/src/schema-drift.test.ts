import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { composedSdl } from "./composed-schema.js";
import { schemaFile } from "./print-schema.js";

it("the checked-in schema.graphql matches the schema the code builds (run `npm run generate:schema`)", () => {
  expect(readFileSync(schemaFile, "utf8")).toBe(composedSdl());
});
