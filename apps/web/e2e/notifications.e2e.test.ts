import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { newPage, signIn, useBrowser } from "./browser";

const browser = useBrowser();

// The bell's accessible name carries the count: "Notifications, 3 unread" or "…, none unread".
async function unreadCount(page: Page): Promise<number> {
  const label = (await page.getByRole("button", { name: /^Notifications, / }).getAttribute("aria-label")) ?? "";
  const match = /Notifications, (\d+) unread/.exec(label);
  return match ? Number(match[1]) : 0;
}

it("the assignee's bell counts up live when a client replies, and down to none once read", async () => {
  const baseUrl = inject("webUrl");
  const staff = await newPage(browser(), { name: "notifications-staff" });
  await signIn(staff, { baseUrl, email: "tech@northwind-msp.test" });
  await expect.poll(() => staff.getByRole("button", { name: /^Notifications, / }).isVisible()).toBe(true);
  const before = await unreadCount(staff);

  const client = await newPage(browser(), { name: "notifications-client" });
  await signIn(client, { baseUrl, email: "admin@fabrikam.test", portal: true });
  await client.goto(`${baseUrl}/portal/tickets`);
  await client.getByRole("link", { name: /Reception printer jams on every job/ }).click();
  await client.waitForURL("**/portal/tickets/*");
  // The ticket has an assignee, so the reply box tells the truth: the provider hears of it.
  await expect.poll(() => client.getByText("Your IT provider is notified.").isVisible()).toBe(true);
  await client.getByLabel("Reply").fill("The printer jammed again this afternoon.");
  await client.getByRole("button", { name: "Send reply" }).click();
  await expect.poll(() => client.getByLabel("Reply").inputValue()).toBe("");

  // No reload: the count rises through the notificationAdded subscription.
  await expect.poll(() => unreadCount(staff), { timeout: 20_000 }).toBe(before + 1);
  await staff.getByRole("button", { name: `Notifications, ${before + 1} unread` }).click();
  const panel = staff.getByRole("region", { name: "Notifications" });
  await expect.poll(() => panel.textContent()).toContain("replied on ticket #");
  await panel.getByRole("button", { name: "Mark all read" }).click();
  await expect.poll(() => staff.getByRole("button", { name: "Notifications, none unread" }).isVisible()).toBe(true);
});
