import { expect, inject, it } from "vitest";
import { newPage, signIn, useBrowser } from "./browser";

const browser = useBrowser();

it("staff sign in, open a client from the dashboard, view as the client in the portal with a banner, and exit back", async () => {
  const baseUrl = inject("webUrl");
  const page = await newPage(browser(), { name: "impersonation" });
  await signIn(page, { baseUrl, email: "owner@northwind-msp.test" });
  expect(new URL(page.url()).pathname).toBe("/dashboard");
  await expect.poll(() => page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(true);
  await expect.poll(() => page.getByText("Nora Owens").first().isVisible()).toBe(true);

  await page.getByRole("main").getByRole("link", { name: /Clients/ }).first().click();
  await page.waitForURL("**/clients");
  await page.getByRole("link", { name: "Fabrikam Dental" }).click();
  await page.waitForURL("**/clients/*");
  const clientPage = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "View as client" }).click();
  await page.waitForURL("**/portal");
  const banner = page.getByRole("region", { name: "Impersonation" });
  await expect.poll(() => banner.textContent()).toContain("Viewing as Fabrikam Dental");
  expect(await page.getByRole("heading", { name: /Welcome/ }).isVisible()).toBe(true);

  // The banner stays on every portal page while it lasts.
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Tickets" }).click();
  await page.waitForURL("**/portal/tickets");
  await expect.poll(() => banner.isVisible()).toBe(true);

  await banner.getByRole("button", { name: "Exit impersonation" }).click();
  await page.waitForURL((url) => url.pathname === clientPage);
  await expect.poll(() => page.getByRole("button", { name: "View as client" }).isVisible()).toBe(true);
  expect(await banner.count()).toBe(0);
});
