import { createHash } from "node:crypto";

/**
 * A stable UUID derived from a name, so the seed gives every row the same id on every
 * machine and a second run finds (and skips) what the first one wrote.
 */
export function seedId(...parts: Array<string | number>): string {
  const hex = createHash("sha256").update(parts.join("/")).digest("hex");
  // Shape it as an RFC 4122 version 8 (custom) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
