// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { ResetPasswordForm } from "./reset-password-form";

let bodies: Array<{ variables: { input: { token: string; newPassword: string } } }> = [];
const answer = (ok: boolean, userErrors: Array<{ field: string; message: string; code: string }> = []) =>
  vi.stubGlobal("fetch", async (_url: string, init: { body: string }) => {
    bodies.push(JSON.parse(init.body));
    return Response.json({ data: { resetPassword: { __typename: "ResetPasswordPayload", ok, userErrors: userErrors.map((error) => ({ __typename: "UserError", ...error })) } } });
  });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  bodies = [];
});

const choose = (password: string, again = password) => {
  fireEvent.change(screen.getByLabelText("New password"), { target: { value: password } });
  fireEvent.change(screen.getByLabelText("New password again"), { target: { value: again } });
  fireEvent.click(screen.getByRole("button", { name: "Set new password" }));
};

it("sets the password with the link's token, then offers the portal's sign-in", async () => {
  answer(true);
  render(<ResetPasswordForm kind="client" token="mspw_abc" />);
  choose("a long new passphrase");
  expect((await screen.findByRole("status")).textContent).toContain("every device that was signed in to your account has been signed out");
  expect(screen.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/portal/login");
  expect(bodies.map((body) => body.variables.input)).toEqual([{ token: "mspw_abc", newPassword: "a long new passphrase" }]);
});

it("checks length and the second entry before sending", async () => {
  answer(true);
  render(<ResetPasswordForm kind="staff" token="mspw_abc" />);
  choose("short", "other");
  expect(await screen.findByText("Use at least 12 characters.")).toBeTruthy();
  expect(screen.getByText("The two passwords are not the same.")).toBeTruthy();
  expect(screen.getByLabelText("New password").getAttribute("aria-invalid")).toBe("true");
  expect(bodies).toEqual([]);
});

it("shows the policy's refusal as a sentence, without a code", async () => {
  answer(false, [{ field: "newPassword", message: "is one of the most common passwords: choose another", code: "BAD_USER_INPUT" }]);
  render(<ResetPasswordForm kind="client" token="mspw_abc" />);
  choose("password1234");
  expect(await screen.findByText("Your new password is one of the most common passwords: choose another.")).toBeTruthy();
  expect(document.body.textContent).not.toContain("BAD_USER_INPUT");
});

it("says a used or expired link no longer works and offers a new one", async () => {
  answer(false, [{ field: "token", message: "The link is invalid, already used or expired: ask for a new one", code: "NOT_FOUND" }]);
  render(<ResetPasswordForm kind="staff" token="mspw_old" />);
  choose("a long new passphrase");
  expect((await screen.findByRole("alert")).textContent).toContain("This link does not work any more");
  expect(screen.getByRole("link", { name: "Send a new link" }).getAttribute("href")).toBe("/forgot-password");
  expect(document.body.textContent).not.toContain("NOT_FOUND");
});
