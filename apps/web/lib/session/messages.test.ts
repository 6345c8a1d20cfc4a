import { describe, expect, it } from "vitest";
import { signInProblem } from "./messages";

describe("a refused sign-in in plain words", () => {
  it("says a suspended partner's people are suspended, not that the password is wrong", () => {
    expect(signInProblem("staff", { code: "PARTNER_SUSPENDED" })).toBe("Your company's access to mspgraph is suspended. Contact the platform's support to have it restored.");
    expect(signInProblem("client", { code: "PARTNER_SUSPENDED" })).toBe("This portal is suspended for now. Contact your IT provider.");
    expect(signInProblem("client", { code: "INVALID_CREDENTIALS" })).toContain("don't match a portal account");
  });
});
