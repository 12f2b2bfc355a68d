// The street centre uploads a 110 file: two calls about one quarrel by the same caller, two days apart, and an
// unrelated call elsewhere. Case formation puts the two calls in one case and says why; staff split one call off
// into a new case, see two cases, undo the split and see the calls together again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_NAMES } from "../../intake/channels.js";
import { launchChromium, logIn, watchPageProblems } from "./browser.js";
import { ensureWebBuild, repoRoot, startServer, type TestServer } from "./server.js";

const SCREENSHOT = path.join(repoRoot, "test-results/case-detail.png");
// The demo seed holds cases of its own: this run's call numbers, phones and texts cannot collide with them. The
// run's mark sits early in each text, so the case title (the first words of its first record) can be searched.
const RUN = Date.now().toString(36).toUpperCase();
const PHONE_TAIL = String(Date.now() % 100_000_000).padStart(8, "0");
const QUARREL = `66号${RUN}室`;
const OTHER = `${RUN}超市`;

const HEADER = ["接警编号", "报警时间", "报警人", "联系电话", "身份证号", "事发地址", "警情类别", "报警内容", "处警单位", "处警民警", "处警结果", "是否非警务"];
const ROWS = [
  [`E2E${RUN}-1`, "2025-06-10 21:30:00", "王建军", `139${PHONE_TAIL}`, "", "浙江省宁波市慈溪市古塘街道上傅路66号", "纠纷-邻里纠纷",
    `上傅路${QUARREL}住户报警：楼上邻居连续几晚深夜装修，电钻噪音扰民，上门理论时双方发生争吵，请求民警处理。`, "古塘派出所", "民警甲", "已调解", "是"],
  [`E2E${RUN}-2`, "2025-06-12 22:05:00", "王建军", `139${PHONE_TAIL}`, "", "浙江省宁波市慈溪市古塘街道上傅路66号", "纠纷-邻里纠纷",
    `上傅路${QUARREL}住户再次报警：楼上邻居深夜仍在装修，电钻噪音扰民，双方再次发生争吵，要求民警到场处理。`, "古塘派出所", "民警乙", "已调解", "是"],
  [`E2E${RUN}-3`, "2025-06-11 10:20:00", "陈小红", `137${PHONE_TAIL}`, "", "浙江省宁波市慈溪市古塘街道团圈路1号", "纠纷-交通事故",
    `团圈路${OTHER}门口两辆电动自行车相撞，双方就赔偿金额发生争执，请求处理。`, "古塘派出所", "民警丙", "已处理", "否"],
];

interface ListedCase {
  id: number;
  code: string;
  recordCount: number;
}

/** The cases whose title holds `q`, through the API with the page's own session. */
function findCases(page: Page, q: string): Promise<ListedCase[]> {
  return page.evaluate(async (q) => {
    const res = await fetch(`/api/cases?q=${encodeURIComponent(q)}`, { headers: { accept: "application/json" } });
    return ((await res.json()) as { items: ListedCase[] }).items;
  }, q);
}

async function searchList(page: Page, q: string) {
  await page.goto("/cases");
  await page.getByPlaceholder("事由或案件编号").fill(q);
  await page.getByPlaceholder("事由或案件编号").press("Enter");
}

describe("cases", () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    ensureWebBuild();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-cases-e2e-"));
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("forms one case from two calls about one quarrel, explains why, and splits and rejoins them", async () => {
    const page = await browser.newPage({ baseURL: server.baseUrl, locale: "zh-CN", viewport: { width: 1440, height: 1000 } });
    const problems = watchPageProblems(page);
    await page.goto("/intake");
    await page.waitForURL(/\/login/);
    await logIn(page, "zhongxin", "Gutang@2026");
    await page.waitForURL(/\/intake$/);

    const file = path.join(dir, `110_e2e_${RUN}.csv`);
    fs.writeFileSync(file, iconv.encode([HEADER, ...ROWS].map((r) => r.join(",")).join("\r\n") + "\r\n", "gbk"));
    await page.getByRole("tab", { name: "上传导入" }).click();
    await page.locator(".ant-upload input[type=file]").setInputFiles(file);
    await page.getByRole("button", { name: /开始导入/ }).click();
    const summary = page.locator(`[data-testid=upload-outcome][data-file="${path.basename(file)}"]`).getByTestId("upload-summary");
    await summary.waitFor({ timeout: 60_000 });
    expect(Number(await summary.getByTestId("total-accepted").textContent())).toBe(3);

    // Cases form in the background after intake.
    await expect.poll(() => findCases(page, QUARREL), { timeout: 30_000, interval: 500 }).toEqual([expect.objectContaining({ recordCount: 2 })]);
    await expect.poll(() => findCases(page, OTHER), { timeout: 30_000, interval: 500 }).toEqual([expect.objectContaining({ recordCount: 1 })]);
    const [quarrel] = await findCases(page, QUARREL);

    await searchList(page, QUARREL);
    const rows = page.locator(".ant-table-row");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(quarrel.code);
    await rows.first().getByRole("link", { name: quarrel.code }).click();
    await page.waitForURL(new RegExp(`/cases/${quarrel.id}$`));

    // Both calls, in time order, each with why it is here.
    const records = page.getByTestId("case-record");
    await expect.poll(() => records.count()).toBe(2);
    const [first, second] = [records.nth(0), records.nth(1)];
    expect(await first.getAttribute("data-external-id")).toBe(`E2E${RUN}-1`);
    expect(await second.getAttribute("data-external-id")).toBe(`E2E${RUN}-2`);
    expect(await first.getByTestId("case-basis").textContent()).toContain("新建案件");
    const basis = await second.getByTestId("case-basis").textContent();
    expect(basis).toContain("归集依据");
    expect(basis).toContain("并入");
    expect(basis).toContain("同一当事人");
    expect(basis).toContain(`对照记录：${CHANNEL_NAMES["110"]} E2E${RUN}-1`);
    expect(await second.textContent()).toContain("上傅路66号");
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Split the second call off.
    await second.locator("input[type=checkbox]").check();
    await page.getByRole("button", { name: "拆分（1 条）" }).click();
    const splitDialog = page.locator(".ant-modal").filter({ hasText: "拆分为新案件" });
    await splitDialog.locator("textarea").fill("第二次报警经核实为另一户的纠纷");
    await splitDialog.getByRole("button", { name: /拆\s*分/ }).click();
    await expect.poll(() => records.count()).toBe(1);

    await searchList(page, QUARREL);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await findCases(page, QUARREL)).toEqual([expect.objectContaining({ recordCount: 1 }), expect.objectContaining({ recordCount: 1 })]);

    // Undo the split from the original case: the calls are together again.
    await rows.filter({ hasText: quarrel.code }).getByRole("link", { name: quarrel.code }).click();
    await page.waitForURL(new RegExp(`/cases/${quarrel.id}$`));
    const change = page.locator(".ant-table-row", { hasText: "拆出 1 条记录" });
    await change.getByRole("button", { name: /撤\s*销/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /撤\s*销/ }).click();
    await expect.poll(() => records.count()).toBe(2);
    await change.getByText("已撤销").waitFor();
    expect(await second.getByTestId("case-basis").textContent()).toContain("归集依据");

    await searchList(page, QUARREL);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await findCases(page, QUARREL)).toEqual([expect.objectContaining({ id: quarrel.id, recordCount: 2 })]);

    expect(problems).toEqual([]);
    await page.close();
  });
});
