import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContextOptions, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, onTestFailed } from "vitest";
import { webDir } from "./servers";

const CHROMIUM = process.env.MSPGRAPH_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** Screenshots of failed tests land here (gitignored). */
export const SCREENSHOTS = path.join(webDir, "test-results", "e2e");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** One Chromium for the calling test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error("the browser is not running yet");
    return browser;
  };
}

/**
 * A fresh browser profile (its own cookies) and page; when the calling test fails, the page
 * is saved as a screenshot named after the test.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions & { name: string }): Promise<Page> {
  const { name, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  onTestFailed(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, "-")}.png`), fullPage: true }).catch(() => undefined);
  });
  return page;
}

/** Signs in through the real form: staff at /login, client users at /portal/login. */
export async function signIn(page: Page, options: { baseUrl: string; email: string; portal?: boolean; password?: string }): Promise<void> {
  await page.goto(`${options.baseUrl}${options.portal ? "/portal/login" : "/login"}`);
  await page.getByLabel("Email").fill(options.email);
  await page.getByLabel("Password").fill(options.password ?? "mspgraph-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
}
