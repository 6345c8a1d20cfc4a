// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { SignInPage } from "./sign-in-page";

afterEach(cleanup);

it.each([
  ["staff", "/forgot-password"],
  ["client", "/portal/forgot-password"],
] as const)("offers the %s sign-in's own forgotten-password page", (kind, href) => {
  render(<SignInPage kind={kind} title="Sign in" lead="" footer={null} />);
  expect(screen.getByRole("link", { name: "Forgot your password?" }).getAttribute("href")).toBe(href);
});
