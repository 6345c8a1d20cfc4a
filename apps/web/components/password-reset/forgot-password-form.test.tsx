// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { ForgotPasswordForm } from "./forgot-password-form";

let bodies: Array<{ variables: { input: { email: string; kind: string } } }> = [];
const answer = (body: unknown) =>
  vi.stubGlobal("fetch", async (_url: string, init: { body: string }) => {
    bodies.push(JSON.parse(init.body));
    return Response.json(body);
  });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  bodies = [];
});

const ok = { data: { requestPasswordReset: { __typename: "RequestPasswordResetPayload", ok: true, userErrors: [] } } };
const ask = (email: string) => {
  fireEvent.change(screen.getByLabelText("Email"), { target: { value: email } });
  fireEvent.click(screen.getByRole("button", { name: "Send reset link" }));
};

it("sends the address for the portal and confirms in the same words whatever the address", async () => {
  answer(ok);
  render(<ForgotPasswordForm kind="client" />);
  ask("fiona@fabrikam.test");
  const confirmation = (await screen.findByRole("status")).textContent;
  expect(confirmation).toBe(
    "If fiona@fabrikam.test belongs to an account, we have emailed it a link to choose a new password. The link works once, for 30 minutes. If nothing arrives in a few minutes, check your spam folder or ask again.",
  );
  expect(bodies.map((body) => body.variables.input)).toEqual([{ email: "fiona@fabrikam.test", kind: "CLIENT" }]);
});

it("says what is wrong with the address under the field, and sends nothing", async () => {
  answer(ok);
  render(<ForgotPasswordForm kind="staff" />);
  ask("nora at northwind");
  expect(await screen.findByText("Enter a valid email address, like name@company.com.")).toBeTruthy();
  expect(screen.getByLabelText("Email").getAttribute("aria-describedby")).toBe("staff-forgot-email-problem");
  expect(bodies).toEqual([]);
});

it("explains a rate limit in plain words, without its code", async () => {
  answer({ data: null, errors: [{ message: "Too many password reset requests: try again in 3000 seconds", extensions: { code: "RATE_LIMITED", retryAfterSeconds: 3000 } }] });
  render(<ForgotPasswordForm kind="staff" />);
  ask("nora@northwind-msp.test");
  const alert = (await screen.findByRole("alert")).textContent!;
  expect(alert).toBe("Too many reset requests came from your network. Wait a while, then try again.");
  expect(alert).not.toContain("RATE_LIMITED");
});
