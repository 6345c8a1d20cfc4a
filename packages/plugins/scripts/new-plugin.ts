import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pluginTemplate } from "./plugin-template.js";

/**
 * `npm run new-plugin -- <id> [--dir <folder>]`: writes a working plugin folder (definition,
 * API client, a local server standing in for the service, and a passing test).
 */
const PLUGINS_DIR = path.resolve(import.meta.dirname, "..", "src");
const PRISMA_LINKS = path.resolve(import.meta.dirname, "..", "..", "..", "prisma", "schema", "plugins");

/**
 * @param options.parent where the folder goes (a plugin inside this repository by default)
 * @param options.prismaLinks where its schema file is linked for Prisma; only for a plugin in this repository
 */
export function scaffoldPlugin(id: string, options: { parent?: string; prismaLinks?: string } = {}): string {
  const parent = options.parent ?? PLUGINS_DIR;
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(id)) throw new Error(`"${id}" is not a plugin id: use 2-40 lower-case letters, digits or dashes, starting with a letter`);
  const folder = path.join(parent, id);
  if (existsSync(folder)) throw new Error(`${folder} already exists`);
  for (const [file, text] of Object.entries(pluginTemplate(id))) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  // Prisma reads one folder: a plugin inside this repository gets its schema file linked there.
  const links = options.prismaLinks ?? (parent === PLUGINS_DIR ? PRISMA_LINKS : null);
  if (links) {
    mkdirSync(links, { recursive: true });
    symlinkSync(path.relative(links, path.join(folder, "schema.prisma")), path.join(links, `${id}.prisma`));
  }
  return folder;
}

if (process.argv[1] === import.meta.filename) {
  const [id, flag, dir] = process.argv.slice(2);
  if (!id) {
    console.error("usage: npm run new-plugin -- <id> [--dir <folder>]");
    process.exit(2);
  }
  try {
    const folder = scaffoldPlugin(id, { parent: flag === "--dir" && dir ? path.resolve(process.env.INIT_CWD ?? process.cwd(), dir) : undefined });
    console.log(`created ${folder}\nnext: add it to packages/plugins/src/built-in.ts, then read docs/plugins.md`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
