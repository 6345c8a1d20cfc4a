import { expect, inject, it } from "vitest";
import { newPage, signIn, useBrowser } from "./browser";

const browser = useBrowser();

it("a client admin invites a colleague, who sets a password from the link and signs in to the portal", async () => {
  const baseUrl = inject("webUrl");
  const admin = await newPage(browser(), { name: "portal-invite-admin" });
  await signIn(admin, { baseUrl, email: "admin@tailspin.test", portal: true });
  await admin.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Users" }).click();
  await admin.waitForURL("**/portal/users");
  const form = admin.getByRole("form", { name: "Invite a user" });
  await form.getByLabel("Name").fill("Vera Vet");
  await form.getByLabel("Email").fill("vera@tailspin.test");
  await form.getByRole("button", { name: "Send invitation" }).click();
  const link = await form.locator("code").textContent();
  expect(link).toContain("/portal/accept-invitation?token=");
  await expect.poll(() => admin.getByRole("cell", { name: "vera@tailspin.test" }).isVisible()).toBe(true);

  const colleague = await newPage(browser(), { name: "portal-invite-colleague" });
  await colleague.goto(link!);
  await colleague.getByLabel("New password", { exact: true }).fill("short");
  await colleague.getByRole("button", { name: "Set password" }).click();
  await expect.poll(() => colleague.getByText("Use at least 12 characters.").isVisible()).toBe(true);
  await colleague.getByLabel("New password", { exact: true }).fill("a long enough password");
  await colleague.getByLabel("New password again").fill("a long enough password");
  await colleague.getByRole("button", { name: "Set password" }).click();
  await colleague.getByRole("link", { name: "Sign in to your client portal" }).click();
  await signIn(colleague, { baseUrl, email: "vera@tailspin.test", password: "a long enough password", portal: true });
  await expect.poll(() => colleague.getByRole("heading", { name: "Welcome, Vera" }).isVisible()).toBe(true);
  // A viewer has no Users page in the navigation.
  expect(await colleague.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Users" }).count()).toBe(0);
});
