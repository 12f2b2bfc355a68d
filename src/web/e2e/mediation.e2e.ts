// A dispute from the window to a signed mediation agreement in the web app: the case is routed, the street centre
// forms a mediation team from the proposal with one click, holds two sessions (the first adjourned), drafts the
// agreement from the template and records each party's confirmation, and the agreement is signed.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, watchPageProblems } from "./browser.js";
import { liveApp, repoRoot } from "./server.js";
import { apiGet, caseMarked, fileAtWindow } from "./page-api.js";

const RUN = Date.now().toString(36).toUpperCase();
const MARK = `装修${RUN}号噪音`;


/** The card whose title is exactly `title`. */
const card = (page: Page, title: string) => page.locator(".ant-card").filter({ has: page.locator(".ant-card-head-title", { hasText: new RegExp(`^${title}$`) }) });

/** Schedules a session in the dialog: time typed into the picker, a place. */
async function schedule(page: Page, when: string, place: string) {
  await page.getByRole("button", { name: "安排调解" }).click();
  const dialog = page.locator(".ant-modal").filter({ hasText: "安排调解" });
  const picker = dialog.locator(".ant-picker input");
  await picker.click();
  await picker.fill(when);
  await picker.press("Enter");
  await dialog.getByLabel("地点（线上调解填写会议平台或链接）").fill(place);
  await dialog.getByRole("button", { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: "detached" });
}

/** Records the session held at `when`: its 笔录 and outcome. */
async function record(page: Page, when: string, text: string, outcome: string) {
  const row = card(page, "调解会议").locator(".ant-table-row", { hasText: when });
  await row.getByRole("button", { name: /^记\s*录$/ }).click();
  const dialog = page.locator(".ant-modal").filter({ hasText: "调解笔录" });
  await dialog.locator("textarea").fill(text);
  await dialog.getByRole("radio", { name: outcome, exact: true }).check();
  await dialog.getByRole("button", { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: "detached" });
}

describe("mediating a case in the web app", () => {
  const live = liveApp();

  it("forms a team, holds two sessions and signs an agreement", async () => {
    const page = await live.browser.newPage({ baseURL: live.server.baseUrl, locale: "zh-CN", viewport: { width: 1440, height: 1000 } });
    const problems = watchPageProblems(page);
    await page.goto("/");
    await page.waitForURL(/\/login/);
    await logIn(page, "zhongxin", "Gutang@2026");
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));

    const filed = await fileAtWindow(page, {
      reporterName: "钱晓红", reporterPhone: "13805749876", address: "古塘街道团圈社区",
      parties: [{ role: "respondent", name: "孙建平", phone: "13905741111" }],
      narrative: `${MARK}：楼上邻居孙建平装修连续一个月每天早上七点开始电钻施工，噪音严重影响老人休息，多次沟通无果，双方发生争吵，请求调解。`,
    });
    expect(filed).toBe(200);
    const kase = await caseMarked(page, MARK, (n) => expect.poll(n, { timeout: 60_000, interval: 1000 }).toBe(1));

    await page.goto(`/cases/${kase.id}`);
    // Team formation: the proposal with scores, assigned with one click.
    await page.getByRole("button", { name: "组建调解小组" }).click();
    const proposal = page.locator(".ant-modal").filter({ hasText: "组建调解小组" });
    await proposal.getByText("组长").first().waitFor();
    await proposal.getByRole("button", { name: "一键指派" }).click();
    await proposal.waitFor({ state: "detached" });
    const team = card(page, "调解小组");
    await team.getByText("组长").first().waitFor();

    // Two sessions: the first adjourned, the second agreed.
    await schedule(page, "2026-12-01 09:30", "团圈社区调解室");
    await record(page, "2026-12-01 09:30", "双方各自陈述，分歧较大，约定下周再调。", "休会改期");
    await schedule(page, "2026-12-08 09:30", "团圈社区调解室");
    await record(page, "2026-12-08 09:30", "孙建平同意工作日九点后施工并赔偿钱家 500 元，双方达成一致。", "达成协议");
    const sessions = (await apiGet<{ items: { status: string; outcome: string | null }[] }>(page, `/api/cases/${kase.id}/sessions`)).items;
    expect(sessions.map((s) => [s.status, s.outcome])).toEqual([["held", "adjourned"], ["held", "agreement"]]);

    // The agreement from the template; each party's confirmation recorded; then it is signed.
    const agreements = card(page, "调解协议书");
    await agreements.getByRole("button", { name: "制作协议书" }).click();
    // The draft opens in the editor, prefilled from the template: the reporter as applicant, the neighbour as respondent.
    const editor = page.locator(".ant-modal").filter({ hasText: "编辑协议书" });
    await editor.locator("textarea").nth(1).fill("一、孙建平工作日九点后方可施工；\n二、孙建平于 2026 年 12 月 15 日前一次性补偿钱晓红 500 元；\n三、双方不再就此事发生争执。");
    await editor.getByRole("button", { name: /保\s*存/ }).click();
    await editor.waitFor({ state: "detached" });
    await agreements.getByText("草稿").first().waitFor();
    try {
      for (let i = 0; i < 2; i++) {
        const buttons = agreements.getByRole("button", { name: /记录确认/ });
        const before = await buttons.count();
        await buttons.first().click();
        const pop = page.locator(".ant-popover", { hasText: "已阅读并同意本协议" }).filter({ visible: true });
        await pop.getByRole("button", { name: /确\s*定|OK/ }).click();
        await expect.poll(() => buttons.count(), { timeout: 15_000 }).toBe(before - 1);
      }
      await agreements.getByText("已签署").first().waitFor();
    } catch (err) {
      await page.screenshot({ path: path.join(repoRoot, "test-results/mediation-failure.png"), fullPage: true });
      throw err;
    }
    await page.screenshot({ path: path.join(repoRoot, "test-results/mediation-case.png"), fullPage: true });
    const [agreement] = (await apiGet<{ items: { status: string; number: string }[] }>(page, `/api/cases/${kase.id}/agreements`)).items;
    expect(agreement.status).toBe("signed");
    expect(agreement.number).toMatch(/^古塘调〔\d{4}〕第\d{4}号$/);
    expect(problems).toEqual([]);
  }, 300_000);
});
