// Chromium for the end-to-end tests: the system's browser (CHROMIUM_PATH or /usr/bin/chromium), headless.
import { chromium, type Browser, type Page } from "playwright-core";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/** Collects what would break the page silently: uncaught errors and Content-Security-Policy refusals. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  return problems;
}

export async function logIn(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.locator("button[type=submit]").click();
}

/** A page logged in as `username` at `baseUrl`, with its problems watched. */
export async function openSession(browser: Browser, baseUrl: string, username: string, password: string) {
  const page = await browser.newPage({ baseURL: baseUrl, locale: "zh-CN", viewport: { width: 1440, height: 1000 } });
  const problems = watchPageProblems(page);
  await page.goto("/");
  await page.waitForURL(/\/login/);
  await logIn(page, username, password);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return { page, problems };
}
