// `npm run -w @mspgraph/web screenshots`: the README's pictures of the partner dashboard and the
// client portal, taken in headless Chromium against the same real stack as the browser tests.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { webDir } from "./servers";
import { startStack } from "./stack";

const out = path.resolve(webDir, "..", "..", "docs", "screenshots");

async function signedIn(browser: Browser, options: { baseUrl: string; email: string; portal?: boolean; width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: options.width, height: options.height }, deviceScaleFactor: 1 })).newPage();
  await page.goto(`${options.baseUrl}${options.portal ? "/portal/login" : "/login"}`);
  await page.getByLabel("Email").fill(options.email);
  await page.getByLabel("Password").fill("mspgraph-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  return page;
}

async function shoot(page: Page, url: string, file: string, ready: string): Promise<void> {
  await page.goto(url);
  await page.getByText(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(out, file), fullPage: true });
  console.log(`wrote docs/screenshots/${file}`);
}

const stack = await startStack();
const browser = await launchBrowser();
try {
  const staff = await signedIn(browser, { baseUrl: stack.webUrl, email: "owner@northwind-msp.test", width: 1280, height: 860 });
  await shoot(staff, `${stack.webUrl}/dashboard`, "partner-dashboard.png", "Active alerts");
  const client = await signedIn(browser, { baseUrl: stack.webUrl, email: "admin@fabrikam.test", portal: true, width: 1280, height: 860 });
  await shoot(client, `${stack.webUrl}/portal`, "client-portal.png", "Your machines");
  const phone = await signedIn(browser, { baseUrl: stack.webUrl, email: "admin@fabrikam.test", portal: true, width: 390, height: 844 });
  await shoot(phone, `${stack.webUrl}/portal/assets`, "client-portal-phone.png", "FAB-RECEPTION-01");
} finally {
  await browser.close();
  await stack.close();
}
