import { expect, inject, it } from "vitest";
import { newPage, signIn, useBrowser } from "./browser";

const browser = useBrowser();

// This web server's sign-ins last 40 seconds (MSPGRAPH_WEB_SESSION_TTL_SECONDS), so the
// five-minute warning is due at once and the end comes within the test.
it("warns that the session is ending, offers to stay signed in, and at the end lands on sign-in saying so", async () => {
  const baseUrl = inject("shortSessionWebUrl");
  const page = await newPage(browser(), { name: "session-expiry" });
  await signIn(page, { baseUrl, email: "admin@fabrikam.test", portal: true });
  const warning = page.getByRole("alertdialog");
  await expect.poll(() => warning.textContent()).toContain("Your session is ending");
  expect(await warning.getByRole("button", { name: "Stay signed in" }).isVisible()).toBe(true);

  await page.waitForURL("**/portal/login?reason=ended", { timeout: 60_000 });
  await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Your session has ended");
  await page.goto(`${baseUrl}/portal`);
  expect(new URL(page.url()).pathname).toBe("/portal/login");
});
