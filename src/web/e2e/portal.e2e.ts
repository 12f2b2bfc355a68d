// A citizen in the portal: reports a dispute through the form, is given a 受理编号, sees it in 我的诉求 join a case,
// asks for a mediator they trust and sees the request waiting for the mediator's answer; asks a legal question, which
// a specialist answers from the 法律咨询 queue, and reads the answer.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSession } from "./browser.js";
import { liveApp, repoRoot } from "./server.js";

const RUN = Date.now().toString(36).toUpperCase();
const STORY = `楼上住户${RUN}每天深夜拖动桌椅，噪音很大，多次上门沟通无果，希望社区帮忙调解。`;

describe("the citizen portal", () => {
  const live = liveApp();

  it("files a dispute, follows it to its case and asks for a mediator", async () => {
    const citizen = await openSession(live.browser, live.server.baseUrl, "qunzhong", "Gutang@2026");
    const page = citizen.page;
    // A citizen lands straight on 群众服务.
    await page.goto("/");
    await page.waitForURL(/\/portal$/);

    // A form left short is refused with what is missing, before anything is sent.
    await page.getByRole("button", { name: /提\s*交/ }).click();
    await page.getByText("请写明发生了什么").waitFor();

    await page.getByLabel("具体情况").fill(STORY);
    // No place and a phone of this run's own: nothing in the demo for formation to join it to.
    await page.getByLabel("联系电话").fill(`139${String(Date.now()).slice(-8)}`);
    await page.getByRole("button", { name: /提\s*交/ }).click();
    const done = page.locator(".ant-message-success", { hasText: "已受理，受理编号" });
    await done.waitFor();
    const number = (await done.textContent())!.match(/PORTAL-\d{8}-[0-9a-f]{8}/)![0];

    // 我的诉求: the submission under its number; its case number appears once formation has run.
    const row = page.locator(".ant-table-row", { hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain(STORY.slice(0, 12));
    await expect.poll(async () => /GT-\d{4}-\d+/.test((await row.textContent()) ?? ""), { timeout: 60_000, interval: 1000 }).toBe(true);

    // A trusted mediator, chosen from the public directory.
    await row.getByRole("button", { name: "申请指定调解员" }).click();
    const dialog = page.locator(".ant-modal", { hasText: "申请指定信任的调解员" });
    // The list of the select, once open and filled: a click while the dialog is still opening can close it again.
    const option = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").first();
    const list = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
    await expect
      .poll(async () => {
        if (await option.isVisible()) return true;
        if (!(await list.isVisible())) await dialog.locator(".ant-select input").click();
        return false;
      }, { timeout: 30_000, interval: 500 })
      .toBe(true);
    const mediator = ((await option.textContent()) ?? "").split("（")[0];
    await option.click();
    await dialog.getByRole("button", { name: "提交申请" }).click();
    await expect.poll(async () => (await row.textContent()) ?? "", { timeout: 10_000 }).toContain(`${mediator}（待答复）`);

    await page.screenshot({ path: path.join(repoRoot, "test-results/portal.png"), fullPage: true });
    expect(citizen.problems).toEqual([]);
  }, 180_000);

  it("asks a legal question that a specialist answers", async () => {
    const question = `公司${RUN}拖欠工资两个月，我应该去哪里投诉？需要准备什么材料？`;
    const citizen = await openSession(live.browser, live.server.baseUrl, "qunzhong", "Gutang@2026");
    await citizen.page.goto("/portal");
    await citizen.page.getByLabel("您的问题").fill(question);
    await citizen.page.getByRole("button", { name: /提\s*问/ }).click();
    await citizen.page.locator(".ant-message-success", { hasText: "答复后会通知您" }).waitFor();
    const mine = citizen.page.getByTestId("my-questions").locator(".ant-list-item", { hasText: question });
    await mine.getByText("待答复").waitFor();

    const specialist = await openSession(live.browser, live.server.baseUrl, "tiaojie", "Gutang@2026");
    await specialist.page.goto("/legal-questions");
    const row = specialist.page.locator(".ant-table-row", { hasText: question });
    await row.getByRole("button", { name: /答\s*复/ }).click();
    const dialog = specialist.page.locator(".ant-modal", { hasText: "答复法律咨询" });
    const reply = "可向劳动保障监察部门投诉或申请劳动仲裁，请准备劳动合同、工资条、考勤记录等证据。";
    await dialog.locator("textarea").fill(reply);
    await dialog.getByRole("button", { name: "提交答复" }).click();
    await specialist.page.locator(".ant-message-success", { hasText: "已答复" }).waitFor();
    await expect.poll(() => row.count()).toBe(0);

    await citizen.page.reload();
    await mine.getByText("已答复").waitFor();
    expect(await mine.textContent()).toContain(reply);
    expect([...citizen.problems, ...specialist.problems]).toEqual([]);
  }, 120_000);
});
