import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CredentialDecryptionError, decryptJson, encryptJson, keyIdOf, keyRing } from "./credential-cipher.js";

const credentials = { subdomain: "acme", apiToken: "T-0123456789-secret" };

describe("credential encryption", () => {
  const ring = keyRing("k1", { k1: randomBytes(32) });

  it("round-trips a value, and the ciphertext shows none of it", () => {
    const stored = encryptJson(ring, credentials, "connection-1");
    expect(stored).not.toContain("T-0123456789-secret");
    expect(stored).not.toContain("acme");
    expect(decryptJson(ring, stored, "connection-1")).toEqual(credentials);
    expect(encryptJson(ring, credentials, "connection-1")).not.toBe(stored);
  });

  it("refuses a tampered ciphertext, tag or key id, and a value moved to another row", () => {
    const stored = encryptJson(ring, credentials, "connection-1");
    const parts = stored.split(".");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const index of [2, 3, 4]) {
      const tampered = parts.map((p, i) => (i === index ? flip(p) : p)).join(".");
      expect(() => decryptJson(ring, tampered, "connection-1")).toThrow(CredentialDecryptionError);
    }
    expect(() => decryptJson(ring, stored.replace(".k1.", ".k9."), "connection-1")).toThrow(/not configured/);
    expect(() => decryptJson(ring, stored, "connection-2")).toThrow(CredentialDecryptionError);
  });

  it("rotates: a new active key encrypts, the old one still decrypts", () => {
    const oldKey = randomBytes(32);
    const before = encryptJson(keyRing("old", { old: oldKey }), credentials, "c");
    const rotated = keyRing("new", { old: oldKey, new: randomBytes(32) });
    expect(decryptJson(rotated, before, "c")).toEqual(credentials);
    const after = encryptJson(rotated, credentials, "c");
    expect([keyIdOf(before), keyIdOf(after)]).toEqual(["old", "new"]);
    expect(() => decryptJson(keyRing("old", { old: oldKey }), after, "c")).toThrow(/not configured/);
  });

  it("checks keys when the ring is built", () => {
    expect(() => keyRing("k", { k: randomBytes(16) })).toThrow(/32 bytes/);
    expect(() => keyRing("missing", { k: randomBytes(32) })).toThrow(/not among/);
  });
});
