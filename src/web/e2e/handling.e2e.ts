// A case from intake to closure through the web app: the window registers a dispute, it forms a case and is routed;
// the street centre posts it on the claim board; a community centre claims it, accepts, handles and resolves it; the
// street centre verifies and closes it; the timeline shows every step.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSession } from "./browser.js";
import { liveApp, repoRoot } from "./server.js";
import { apiGet, caseMarked, fileAtWindow } from "./page-api.js";

const RUN = Date.now().toString(36).toUpperCase();
const MARK = `楼上${RUN}号漏水`;
const PASSWORD = "Gutang@2026";



/** Clicks a task-step button in the row of the case, and fills its dialog when it asks for text. */
async function step(page: Page, caseCode: string, button: RegExp, text?: string) {
  const row = page.locator(".ant-table-row", { hasText: caseCode }).first();
  await row.getByRole("button", { name: button }).click();
  if (text) {
    const dialog = page.locator(".ant-modal").last();
    await dialog.locator("textarea").fill(text);
    await dialog.getByRole("button", { name: /提\s*交/ }).click();
  }
}

describe("handling a case through the web app", () => {
  const live = liveApp();
  const session = (username: string) => openSession(live.browser, live.server.baseUrl, username, PASSWORD);

  it("routes, posts, claims, handles, verifies and closes a case", async () => {
    const centre = await session("zhongxin");
    // The walk-in window registers the dispute (the form's API, as the window's screen sends it).
    const filed = await fileAtWindow(centre.page, { reporterName: "赵小梅", reporterPhone: "13805741234", address: "古塘街道团圈社区", narrative: `${MARK}，楼上住户卫生间漏水渗到我家天花板，多次协商未果，双方发生争吵，请求调解。` });
    expect(filed).toBe(200);

    // It forms a case and is routed to a unit, with the reasons on the case.
    const kase = await caseMarked(centre.page, MARK, (n) => expect.poll(n, { timeout: 60_000, interval: 1000 }).toBe(1));
    await expect.poll(async () => (await apiGet<{ items: unknown[] }>(centre.page, `/api/cases/${kase.id}/tasks`)).items.length, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(0);

    // The street centre posts it on the claim board from the case page.
    await centre.page.goto(`/cases/${kase.id}`);
    await centre.page.getByText("按职责矩阵流转").first().waitFor();
    await centre.page.getByRole("button", { name: "发布揭榜" }).click();
    const dialog = centre.page.locator(".ant-modal").filter({ hasText: "发布揭榜" });
    await dialog.locator("textarea").fill("职责交叉，请社区认领");
    await dialog.getByRole("button", { name: /发\s*布/ }).click();
    await centre.page.getByText("待认领").first().waitFor();

    // 团圈社区's centre claims it on the board, then works it from its inbox.
    const community = await session("shequ");
    await community.page.goto("/claims");
    await step(community.page, kase.code, /认\s*领/);
    await community.page.goto("/tasks");
    await community.page.locator(".ant-table-row", { hasText: kase.code }).first().getByText("已认领").waitFor();
    await step(community.page, kase.code, /签\s*收/);
    await community.page.locator(".ant-table-row", { hasText: kase.code }).first().getByText("已签收").waitFor();
    await step(community.page, kase.code, /开始办理/);
    await step(community.page, kase.code, /办\s*结/, "组织双方现场查看，楼上住户同意维修并赔偿 800 元，双方签字确认");
    await community.page.locator(".ant-table-row", { hasText: kase.code }).first().getByText("已办结待核验").waitFor();

    // The street centre verifies and closes it; the case is closed, its timeline complete.
    await centre.page.goto(`/cases/${kase.id}`);
    const tasks = centre.page.locator(".ant-card", { hasText: "承办任务" });
    await tasks.getByRole("button", { name: "核验通过" }).click();
    await tasks.getByRole("button", { name: /结\s*案/ }).click();
    await tasks.getByText("已结案").first().waitFor();
    const timeline = centre.page.locator(".ant-card", { hasText: "处置时间轴" });
    for (const kind of ["按职责矩阵流转", "发布揭榜", "揭榜认领", "签收", "办结", "社治中心核验通过", "结案"]) await timeline.getByText(kind, { exact: true }).first().waitFor();
    const detail = await apiGet<{ status: string }>(centre.page, `/api/cases/${kase.id}`);
    expect(detail.status).toBe("closed");
    await centre.page.screenshot({ path: path.join(repoRoot, "test-results/handling-case.png"), fullPage: true });

    expect([...centre.problems, ...community.problems]).toEqual([]);
  }, 300_000);
});
