// A street-centre worker logs in and browses the region tree; a wrong password gets the server's Chinese message;
// every area of the menu opens its own page, for some demo account allowed to see it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SETTINGS_AREAS, WORK_AREAS } from "../app/shell/areas.js";
import { logIn, openSession, watchPageProblems } from "./browser.js";
import { liveApp, repoRoot } from "./server.js";

const STREET_CODE = "330282006";
const SCREENSHOT = path.join(repoRoot, "test-results/region-tree.png");

describe("login and the region tree", () => {
  const live = liveApp();

  it("shows the 16 villages and communities under 古塘街道 to the street centre", async () => {
    const page = await live.browser.newPage({ baseURL: live.server.baseUrl, locale: "zh-CN", viewport: { width: 1440, height: 1000 } });
    const problems = watchPageProblems(page);

    await page.goto("/settings/regions");
    await page.waitForURL(/\/login/); // not logged in yet: the page sends us to log in, then back
    await logIn(page, "zhongxin", "Gutang@2026");
    await page.waitForURL(/\/settings\/regions$/);
    await expect.poll(() => page.getByTestId("me-name").textContent()).toBe("陈晓燕");

    const street = page.locator(`[data-testid=region-node][data-code="${STREET_CODE}"]`);
    await street.waitFor();
    await page.locator(".ant-tree-treenode", { has: street }).locator(".ant-tree-switcher").click();

    const communities = page.locator("[data-testid=region-node][data-level=community]");
    await expect.poll(() => communities.count(), { timeout: 10_000 }).toBe(16);
    // While the expand animation runs, the rows are temporary copies that ignore clicks.
    await expect.poll(() => page.locator(".ant-tree-treenode-motion").count()).toBe(0);
    for (const name of ["上傅家社区", "金桥社区", "太屺村委会", "新潮塘村委会", "城北社区"]) {
      expect(await communities.locator(".region-name", { hasText: name }).isVisible(), name).toBe(true);
    }

    // A community's grids are loaded when it is opened.
    const shangfujia = page.locator(".ant-tree-treenode", { has: page.locator('[data-testid=region-node][data-code="330282006001"]') });
    await shangfujia.locator(".ant-tree-switcher").click();
    await expect.poll(() => page.locator("[data-testid=region-node][data-level=grid]").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".ant-tree-treenode-motion").count()).toBe(0);
    await shangfujia.locator(".region-name").click();
    await expect.poll(() => page.getByTestId("region-detail").textContent()).toContain("330282006001");

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows 用户名或密码错误 for a wrong password", async () => {
    const page = await live.browser.newPage({ baseURL: live.server.baseUrl, locale: "zh-CN" });
    await page.goto("/login");
    await logIn(page, "zhongxin", "not-the-password");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("用户名或密码错误");
    expect(page.url()).toMatch(/\/login$/);
    await page.close();
  });

  it("opens every area's own page, never the 建设中 placeholder", async () => {
    const opened: string[] = [];
    const left = new Set([...WORK_AREAS, ...SETTINGS_AREAS].map((a) => a.path));
    for (const username of ["zhongxin", "admin", "tiaojie", "qunzhong"]) {
      const s = await openSession(live.browser, live.server.baseUrl, username, "Gutang@2026");
      const me = await s.page.evaluate(async () => ((await (await fetch("/api/auth/me")).json()) as { me: { permissions: string[] } }).me.permissions);
      for (const area of [...WORK_AREAS, ...SETTINGS_AREAS]) {
        if (!left.has(area.path) || (area.permission && !me.includes(area.permission))) continue;
        await s.page.goto(area.path);
        await s.page.waitForLoadState("networkidle");
        expect(await s.page.locator(".ant-layout-content").innerText(), `${area.path} as ${username}`).not.toContain("建设中");
        left.delete(area.path);
        opened.push(area.path);
      }
      expect(s.problems, username).toEqual([]);
      await s.page.close();
    }
    expect([...left], "areas no demo account opened").toEqual([]);
    expect(opened.length).toBeGreaterThan(20);
  }, 240_000);
});
