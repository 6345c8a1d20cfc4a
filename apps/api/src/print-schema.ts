import { writeFileSync } from "node:fs";
import path from "node:path";
import { composedSdl } from "./composed-schema.js";

// `npm run generate:schema`: writes the SDL that the web app and integrators read.
export const schemaFile = path.resolve(import.meta.dirname, "..", "..", "..", "schema.graphql");

if (process.argv[1] === import.meta.filename) {
  writeFileSync(schemaFile, composedSdl());
  console.log(`wrote ${schemaFile}`);
}
