import { expect, inject, it } from "vitest";
import { newPage, signIn, useBrowser } from "./browser";

const browser = useBrowser();

it("a client user cannot open a staff page: every staff URL sends them to their portal", async () => {
  const baseUrl = inject("webUrl");
  const page = await newPage(browser(), { name: "client-blocked-from-staff" });
  await signIn(page, { baseUrl, email: "viewer@fabrikam.test", portal: true });
  for (const staffPage of ["/dashboard", "/clients", "/tickets", "/alerts", "/integrations", "/audit", "/api-keys", "/partners"]) {
    await page.goto(`${baseUrl}${staffPage}`);
    expect(new URL(page.url()).pathname, staffPage).toBe("/portal");
  }
  // Straight to the API through the web server: staff data is refused there too.
  const answer = await page.evaluate(async () => {
    const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json", "x-mspgraph-csrf": "1" }, body: JSON.stringify({ query: "{ clients(first: 1) { totalCount } }" }) });
    return response.json();
  });
  expect(answer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
});

it("without a session, a staff page asks for sign-in and returns there afterwards", async () => {
  const baseUrl = inject("webUrl");
  const page = await newPage(browser(), { name: "sign-in-returns" });
  await page.goto(`${baseUrl}/alerts`);
  expect(new URL(page.url()).pathname).toBe("/login");
  await page.getByLabel("Email").fill("tech@northwind-msp.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByText("That email and password don't match a staff account.").isVisible()).toBe(true);
  await page.getByLabel("Password").fill("mspgraph-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/alerts");
});
