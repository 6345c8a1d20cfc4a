import { expect, inject, it } from "vitest";
import { newPage, signIn, useBrowser } from "./browser";

const browser = useBrowser();

it("connecting Syncro against the local Syncro server shows it connected and working, without showing the token back", async () => {
  const baseUrl = inject("webUrl");
  const page = await newPage(browser(), { name: "integrations-syncro" });
  // Contoso's partner, so the Northwind flows keep the built-in PSA.
  await signIn(page, { baseUrl, email: "owner@contoso-it.test" });
  await page.goto(`${baseUrl}/integrations`);
  const card = page.locator("#integration-syncro");
  await expect.poll(() => card.textContent()).toContain("Not connected");

  await card.getByRole("button", { name: "Connect Syncro" }).click();
  const form = card.getByRole("form", { name: "Connect Syncro" });
  await form.getByLabel("Subdomain").fill("contoso");
  await form.getByLabel("API token").fill(inject("syncroToken"));
  await form.getByLabel("Base URL").fill(inject("syncroUrl"));
  await form.getByRole("button", { name: "Connect Syncro" }).click();

  await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain("Connected and working");
  expect(await page.content()).not.toContain(inject("syncroToken"));
});
