import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id is a const enum, which isolated modules cannot read.
const ARGON2ID = 2;
// OWASP's argon2id minimums (19 MiB, 2 passes, 1 lane).
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id; the result embeds its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches `passwordHash`; false, never an error, for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
