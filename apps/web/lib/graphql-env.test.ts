import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

const webDir = path.resolve(import.meta.dirname, "..");
const cli = path.resolve(webDir, "../../node_modules/gql.tada/bin/cli.js");

it("graphql-env.d.ts is what schema.graphql generates (run `npm run -w @mspgraph/web generate:graphql`)", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "tada-"));
  try {
    const output = path.join(scratch, "graphql-env.d.ts");
    execFileSync(process.execPath, [cli, "generate", "output", "--output", output], { cwd: webDir, stdio: "pipe" });
    expect(readFileSync(path.join(webDir, "graphql-env.d.ts"), "utf8")).toBe(readFileSync(output, "utf8"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
