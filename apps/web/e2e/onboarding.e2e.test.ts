import { totpCode } from "@mspgraph/api/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newPage, useBrowser } from "./browser";
import { type TMailStack, linkMailedTo, startMailStack } from "./mail-stack";

const browser = useBrowser();
let stack: TMailStack;

beforeAll(async () => {
  stack = await startMailStack();
});
afterAll(() => stack?.close());

/** The key the page shows beside its QR code, as a person would type it into an authenticator. */
async function shownTotpKey(page: Page): Promise<string> {
  const key = page.getByText(/^Key:/).locator("code");
  await expect.poll(() => key.isVisible()).toBe(true);
  return (await key.textContent())!.trim();
}

/** Types the password at /login and, when asked, the authenticator's code (enrolling first when the account must). */
async function staffSignIn(page: Page, email: string, password: string, secret?: string): Promise<string | undefined> {
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const codeField = page.getByLabel("Code from your authenticator app");
  const signedIn = () => !new URL(page.url()).pathname.endsWith("/login");
  await expect.poll(async () => signedIn() || (await codeField.isVisible())).toBe(true);
  if (signedIn()) return secret;
  const enrolling = await page.getByRole("button", { name: "Turn on and sign in" }).isVisible();
  const key = enrolling ? await shownTotpKey(page) : secret!;
  await codeField.fill(totpCode(key));
  await page.getByRole("button", { name: enrolling ? "Turn on and sign in" : "Sign in" }).click();
  if (enrolling) {
    await expect.poll(() => page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").count()).toBe(10);
    await page.getByRole("button", { name: "I have stored them: continue" }).click();
  }
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  return key;
}

/** Opens an emailed invitation link and chooses a password there. */
async function acceptInvitation(page: Page, link: string, partnerName: string, password: string): Promise<void> {
  await page.goto(link);
  await expect.poll(() => page.getByText(`invited to ${partnerName}'s team`).isVisible()).toBe(true);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Set your password" }).click();
  await expect.poll(() => page.getByRole("status").textContent()).toBe("Your password is set.");
}

it("a platform admin onboards an MSP: its owner and a technician join from emailed links, with two-step sign-in", async () => {
  const { smtp } = stack;
  const admin = await newPage(browser(), { name: "onboarding-platform-admin" });
  // The demo's platform admin must set up an authenticator at first sign-in.
  await staffSignIn(admin, "admin@mspgraph.test", "mspgraph-demo");
  await admin.goto(`${stack.webUrl}/partners`);
  const create = admin.getByRole("form", { name: "New partner" });
  await create.getByLabel("Name", { exact: true }).fill("Litware IT");
  await create.getByLabel("Slug").fill("litware-it");
  await create.getByLabel("Owner's name").fill("Lena Marsh");
  await create.getByLabel("Owner's email").fill("lena@litware.test");
  await create.getByRole("button", { name: "Create partner" }).click();
  await expect.poll(() => admin.getByText("Litware IT is on the platform").isVisible()).toBe(true);

  const ownerMail = await linkMailedTo(smtp, "lena@litware.test", "/accept-invitation?token=");
  expect(ownerMail.mail.subject).toContain("Litware IT");
  const owner = await newPage(browser(), { name: "onboarding-owner" });
  await acceptInvitation(owner, ownerMail.link, "Litware IT", "lena's long passphrase 42");
  // The link works once.
  await owner.goto(ownerMail.link);
  await expect.poll(() => owner.getByText("This invitation link is not valid any more").isVisible()).toBe(true);
  expect(await owner.getByLabel("Password", { exact: true }).count()).toBe(0);

  await staffSignIn(owner, "lena@litware.test", "lena's long passphrase 42");
  await owner.goto(`${stack.webUrl}/security`);
  await owner.getByRole("button", { name: "Set up an authenticator app" }).click();
  const ownerKey = await shownTotpKey(owner);
  await owner.getByLabel("Code from the app").fill(totpCode(ownerKey));
  await owner.getByRole("button", { name: "Turn on" }).click();
  await expect.poll(() => owner.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").count()).toBe(10);

  await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).click();
  await owner.waitForURL("**/staff");
  await owner.getByRole("button", { name: "Invite a colleague" }).click();
  const invite = owner.getByRole("form", { name: "Invite a colleague" });
  await invite.getByLabel("Name", { exact: true }).fill("Tomas Reyes");
  await invite.getByLabel("Email").fill("tomas@litware.test");
  await invite.getByLabel("Role").selectOption("TECHNICIAN");
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect.poll(() => owner.getByRole("cell", { name: "tomas@litware.test" }).isVisible()).toBe(true);
  await owner.getByLabel("Require two-step sign-in for all staff").check();
  await expect.poll(() => owner.getByText("Every staff member now needs two-step sign-in.").isVisible()).toBe(true);

  const techMail = await linkMailedTo(smtp, "tomas@litware.test", "/accept-invitation?token=");
  const tech = await newPage(browser(), { name: "onboarding-technician" });
  await acceptInvitation(tech, techMail.link, "Litware IT", "tomas's long passphrase 7");
  // The partner now requires a second factor: the technician sets one up as they sign in.
  const techKey = await staffSignIn(tech, "tomas@litware.test", "tomas's long passphrase 7");
  expect(techKey).toMatch(/^[A-Z2-7]{16,}$/);
  await expect.poll(() => tech.getByRole("navigation", { name: "Main" }).isVisible()).toBe(true);
  // A technician does not manage staff.
  expect(await tech.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).count()).toBe(0);
});

it("a client user who forgot their password resets it from the emailed link and signs in with the new one", async () => {
  const { smtp } = stack;
  const page = await newPage(browser(), { name: "client-password-reset" });
  await page.goto(`${stack.webUrl}/portal/login`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.waitForURL("**/portal/forgot-password");
  await page.getByLabel("Email").fill("viewer@fabrikam.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect.poll(() => page.getByRole("status").isVisible()).toBe(true);
  const confirmation = (await page.getByRole("status").textContent())!.replace("viewer@fabrikam.test", "<email>");

  const { mail, link } = await linkMailedTo(smtp, "viewer@fabrikam.test", "/portal/reset-password?token=");
  expect(mail.html).toContain("Fabrikam Dental");
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a fresh long passphrase");
  await page.getByLabel("New password again").fill("a fresh long passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/portal/login");
  await page.getByLabel("Email").fill("viewer@fabrikam.test");
  await page.getByLabel("Password", { exact: true }).fill("a fresh long passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/portal");

  // Asking for an address nobody has shows the very same answer, and sends nothing.
  const sent = smtp.received.length;
  await page.context().clearCookies();
  await page.goto(`${stack.webUrl}/portal/forgot-password`);
  await page.getByLabel("Email").fill("nobody@fabrikam.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect.poll(() => page.getByRole("status").textContent().then((text) => text?.replace("nobody@fabrikam.test", "<email>"))).toBe(confirmation);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(smtp.received.length).toBe(sent);
});
