import { CombinedError } from "urql";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { SERVER_FAILED, describeError } from "./describe-error";
import { splitUserErrors } from "./user-errors";

describe("userErrors next to their fields", () => {
  it("puts known fields beside their input and the rest above the form, with the field named", () => {
    const split = splitUserErrors(
      [
        { field: "domain", message: "another client of this partner already has this domain", code: "CONFLICT" },
        { field: "partnerId", message: "platform admins must name the partner", code: "BAD_USER_INPUT" },
        { field: null, message: "not allowed", code: "FORBIDDEN" },
        { field: "config.baseUrl", message: "must be a URL", code: "BAD_USER_INPUT" },
      ],
      ["name", "domain", "baseUrl"],
      { "config.baseUrl": "baseUrl" },
    );
    expect(split.fields).toEqual({ domain: "another client of this partner already has this domain", baseUrl: "must be a URL" });
    expect(split.form).toEqual(["partnerId: platform admins must name the partner", "not allowed"]);
  });
});

describe("errors in plain words", () => {
  it("shows the API's message with its code and what the code means", () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError("no such client", { extensions: { code: "NOT_FOUND" } })] });
    expect(describeError(error)).toEqual({ message: "no such client", code: "NOT_FOUND", hint: "It does not exist, or it is outside your reach.", requestId: null });
  });

  it("says an unexpected failure in plain words, the request id kept apart, and a network failure as such", () => {
    const internal = new CombinedError({ graphQLErrors: [new GraphQLError("Unexpected error.", { extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-123" } })] });
    expect(describeError(internal)).toMatchObject({ message: SERVER_FAILED, requestId: "req-123" });
    expect(describeError(internal).message).not.toMatch(/req-123|INTERNAL/);
    expect(describeError(new CombinedError({ networkError: new Error("Failed to fetch") })).code).toBe("NETWORK_ERROR");
  });
});
