import { createHash, randomBytes } from "node:crypto";

/** A random secret with a recognisable prefix (so leaked ones can be found by scanners). */
export function newOpaqueToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** What is stored instead of a token: its SHA-256 (the token is random, so no salt is needed). */
export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
