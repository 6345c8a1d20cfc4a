// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { SignInForm } from "./sign-in-form";

let requests: string[];
beforeEach(() => {
  requests = [];
  vi.stubGlobal("fetch", async (url: string) => {
    requests.push(url);
    return Response.json({ ok: false, message: "not reached" });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

it("says what is missing under each field and sends nothing", async () => {
  render(<SignInForm kind="staff" />);
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByText("Enter your email address.")).toBeTruthy();
  expect(screen.getByText("Enter your password.")).toBeTruthy();
  expect(field("Email").getAttribute("aria-invalid")).toBe("true");
  expect(field("Email").getAttribute("aria-describedby")).toBe("staff-email-problem");
  expect(requests).toEqual([]);
});

it("rejects an address that is not an email before asking the server", async () => {
  render(<SignInForm kind="client" />);
  fireEvent.change(field("Email"), { target: { value: "fiona at fabrikam" } });
  fireEvent.change(field("Password"), { target: { value: "mspgraph-demo" } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByText("Enter a valid email address, like name@company.com.")).toBeTruthy();
  expect(requests).toEqual([]);
});

it("shows the server's refusal in plain words", async () => {
  vi.stubGlobal("fetch", async (url: string) => {
    requests.push(url);
    return Response.json({ ok: false, code: "RATE_LIMITED", message: "Too many sign-in attempts. For your security, sign-in is paused: try again in 2 minutes." }, { status: 429 });
  });
  render(<SignInForm kind="client" />);
  fireEvent.change(field("Email"), { target: { value: "admin@fabrikam.test" } });
  fireEvent.change(field("Password"), { target: { value: "wrong" } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect((await screen.findByRole("alert")).textContent).toContain("try again in 2 minutes");
  expect(requests).toEqual(["/api/session/client-login"]);
});

it("asks for the authenticator's code after a right password, and offers a recovery code instead", async () => {
  const bodies: unknown[] = [];
  vi.stubGlobal("fetch", async (url: string, init: { body: string }) => {
    requests.push(url);
    bodies.push(JSON.parse(init.body));
    if (url.endsWith("/login")) return Response.json({ ok: false, code: "MFA_REQUIRED", message: "Enter the 6-digit code from your authenticator app." }, { status: 401 });
    return Response.json({ ok: true, redirectTo: "/dashboard" });
  });
  const onSignedIn = vi.fn();
  render(<SignInForm kind="staff" onSignedIn={onSignedIn} />);
  fireEvent.change(field("Email"), { target: { value: "nora@northwind-msp.test" } });
  fireEvent.change(field("Password"), { target: { value: "mspgraph-demo" } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
  fireEvent.click(await screen.findByRole("button", { name: "Use a recovery code instead" }));
  fireEvent.change(field("Recovery code"), { target: { value: "abcd-efgh-ijkl-mnop" } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
  await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith("/dashboard"));
  expect(requests).toEqual(["/api/session/login", "/api/session/mfa"]);
  expect(bodies[1]).toEqual({ action: "verify", recoveryCode: "abcd-efgh-ijkl-mnop" });
});
