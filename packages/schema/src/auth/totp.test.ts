import { describe, expect, it } from "vitest";
import { newRecoveryCodes, newTotpSecret, totpCode } from "./totp.js";

// RFC 6238 appendix B's SHA-1 seed ("12345678901234567890") in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes RFC 6238's SHA-1 test vectors (the last six of the eight digits)", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe("005924");
  });

  it("makes 160-bit secrets and an otpauth URL an authenticator app reads", () => {
    const { secret, otpauthUrl } = newTotpSecret("ada@example.test");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe("otpauth:");
    expect(Object.fromEntries(url.searchParams)).toEqual({ issuer: "mspgraph", secret, algorithm: "SHA1", digits: "6", period: "30" });
  });

  it("makes ten distinct recovery codes and stores none of them as written", () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(hashes.some((hash) => codes.some((code) => hash.includes(code.replace(/-/g, ""))))).toBe(false);
  });
});
