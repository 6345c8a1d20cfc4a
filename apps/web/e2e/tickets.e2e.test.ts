import { expect, inject, it } from "vitest";
import { newPage, signIn, useBrowser } from "./browser";

const browser = useBrowser();

it("a client opens a ticket, staff see it and answer with a public reply and an internal note, the client sees only the reply", async () => {
  const baseUrl = inject("webUrl");
  const subject = `Reception printer jams ${Date.now()}`;
  const client = await newPage(browser(), { name: "tickets-client" });
  await signIn(client, { baseUrl, email: "admin@fabrikam.test", portal: true });
  expect(new URL(client.url()).pathname).toBe("/portal");

  await client.goto(`${baseUrl}/portal/tickets/new`);
  await client.getByRole("button", { name: "Create ticket" }).click();
  await expect.poll(() => client.getByText("Say in a few words what you need help with.").isVisible()).toBe(true);
  await client.getByLabel("Subject").fill(subject);
  await client.getByLabel("Description").fill("Every second page comes out crumpled since this morning.");
  await client.getByLabel("Priority").selectOption("HIGH");
  await client.getByRole("button", { name: "Create ticket" }).click();
  await client.waitForURL("**/portal/tickets/*");
  await expect.poll(() => client.getByRole("heading", { name: new RegExp(subject) }).isVisible()).toBe(true);
  const clientTicketUrl = client.url();

  const staff = await newPage(browser(), { name: "tickets-staff" });
  await signIn(staff, { baseUrl, email: "tech@northwind-msp.test" });
  await staff.goto(`${baseUrl}/tickets`);
  await staff.getByRole("link", { name: new RegExp(subject) }).click();
  await staff.waitForURL("**/tickets/*");
  await expect.poll(() => staff.getByText("Every second page comes out crumpled").isVisible()).toBe(true);

  await staff.getByLabel("Reply").fill("We are on our way with a new fuser unit.");
  await staff.getByRole("button", { name: "Send reply" }).click();
  await expect.poll(() => staff.getByText("We are on our way with a new fuser unit.").isVisible()).toBe(true);
  // The form empties itself once the reply is posted; typing before that would be wiped.
  await expect.poll(() => staff.getByLabel("Reply").inputValue()).toBe("");

  await staff.getByRole("button", { name: "Internal note" }).click();
  await staff.getByLabel("Internal note").fill("Fuser is out of warranty: bill the part.");
  await staff.getByRole("button", { name: "Add internal note" }).click();
  await expect.poll(() => staff.getByText("Fuser is out of warranty: bill the part.").isVisible()).toBe(true);

  await client.goto(clientTicketUrl);
  const thread = client.getByRole("list", { name: "Comments" });
  await expect.poll(() => thread.textContent()).toContain("We are on our way with a new fuser unit.");
  expect(await client.content()).not.toContain("out of warranty");
});
