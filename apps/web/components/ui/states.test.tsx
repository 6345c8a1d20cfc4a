// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorAudienceContext } from "./error-audience";
import { ErrorState } from "./states";

afterEach(cleanup);

const failure = new CombinedError({ graphQLErrors: [new GraphQLError("Something went wrong on our side.", { extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-8c1f2a" } })] });

// The portal shell sets the audience to "client" for every portal page; staff pages keep the default.
describe("an error state for a server failure", () => {
  it("tells a client user in plain words, with no code or request id", () => {
    render(
      <ErrorAudienceContext.Provider value="client">
        <ErrorState error={failure} title="Your tickets could not be loaded" />
      </ErrorAudienceContext.Provider>,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Your tickets could not be loaded");
    expect(alert.textContent).toContain("Something went wrong on our side. Please try again; if it keeps happening, contact your IT provider.");
    expect(alert.textContent).not.toMatch(/INTERNAL_SERVER_ERROR|req-8c1f2a|request id/i);
  });

  it("shows staff the code and the request id apart from the sentence", () => {
    render(<ErrorState error={failure} title="Tickets could not be loaded" />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("(INTERNAL_SERVER_ERROR)");
    expect(alert.textContent).toContain("Request id: req-8c1f2a");
  });
});
