import { existsSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A plugin keeps its models in <plugin>/schema.prisma; Prisma reads one folder, so each file
// is linked into prisma/schema/plugins/<plugin>.prisma (the scaffold makes the link).
const pluginsDir = path.resolve(import.meta.dirname, "..");
const linksDir = path.resolve(import.meta.dirname, "../../../../prisma/schema/plugins");

describe("plugins' Prisma schema files", () => {
  it("links every plugin's schema.prisma into the Prisma schema folder", () => {
    const withSchema = readdirSync(pluginsDir).filter((name) => existsSync(path.join(pluginsDir, name, "schema.prisma")));
    for (const name of withSchema) {
      const link = path.join(linksDir, `${name}.prisma`);
      expect(existsSync(link), `${link} is missing: run ln -s ../../../packages/plugins/src/${name}/schema.prisma ${link}`).toBe(true);
      expect(realpathSync(link)).toBe(realpathSync(path.join(pluginsDir, name, "schema.prisma")));
    }
  });

  it("has no link to a plugin file that is gone", () => {
    const links = existsSync(linksDir) ? readdirSync(linksDir) : [];
    for (const link of links) expect(existsSync(path.join(linksDir, link)), `${link} points nowhere`).toBe(true);
  });
});
