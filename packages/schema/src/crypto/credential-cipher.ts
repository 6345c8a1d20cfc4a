import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Keys by id; `activeKeyId` encrypts, every listed key still decrypts (rotation). */
export type KeyRing = { activeKeyId: string; keys: Map<string, Uint8Array> };

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const VERSION = "v1";

export class CredentialDecryptionError extends Error {
  constructor(reason: string) {
    super(`stored credentials cannot be decrypted: ${reason}`);
    this.name = "CredentialDecryptionError";
  }
}

/** Builds a key ring, checking every key is 32 bytes. */
export function keyRing(activeKeyId: string, keys: Record<string, Uint8Array>): KeyRing {
  for (const [id, key] of Object.entries(keys)) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`key id "${id}" must be 1-32 letters, digits, _ or -`);
    if (key.byteLength !== 32) throw new Error(`encryption key "${id}" must be 32 bytes`);
  }
  if (!keys[activeKeyId]) throw new Error(`the active encryption key "${activeKeyId}" is not among the keys`);
  return { activeKeyId, keys: new Map(Object.entries(keys)) };
}

/**
 * Encrypts a JSON value with AES-256-GCM under the active key: `v1.<keyId>.<iv>.<tag>.<ciphertext>`.
 * @param associatedData binds the ciphertext to its row (e.g. the connection id), so it cannot be moved to another
 */
export function encryptJson(ring: KeyRing, value: unknown, associatedData: string): string {
  const key = ring.keys.get(ring.activeKeyId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  const parts = [VERSION, ring.activeKeyId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")];
  return parts.join(".");
}

/** The key id a stored value was encrypted under (for re-encryption after rotation). */
export function keyIdOf(stored: string): string | undefined {
  return stored.split(".")[1];
}

/** Decrypts what encryptJson wrote; any change to it, its key id or its associated data is refused. */
export function decryptJson<T = unknown>(ring: KeyRing, stored: string, associatedData: string): T {
  const [version, keyId, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined) throw new CredentialDecryptionError("unknown format");
  const key = ring.keys.get(keyId);
  if (!key) throw new CredentialDecryptionError(`key "${keyId}" is not configured`);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as T;
  } catch {
    throw new CredentialDecryptionError("it was altered, or encrypted for another row");
  }
}
