// The street centre uploads a 12345 file with a redelivered line, a row dated in the future and a malformed line,
// reads the file's summary, fixes the future-dated row in quarantine and re-submits it; then places an address
// no rule could place.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, logIn, watchPageProblems } from "./browser.js";
import { ensureWebBuild, repoRoot, startServer, type TestServer } from "./server.js";

const SCREENSHOT = path.join(repoRoot, "test-results/intake.png");
// The demo seed may hold 12345 work orders of its own: this run's numbers cannot collide with them.
const RUN = Date.now().toString(36).toUpperCase();

function workOrder(n: number, slsj: string, sfdz = "浙江省宁波市慈溪市古塘街道上傅路66号") {
  return JSON.stringify({
    gdbh: `E2E${RUN}-${n}`,
    slsj,
    ldr: ["王建国", "李秀英", "张伟", "陈丽"][n % 4],
    lxdh: `1380574${1000 + n}`,
    sqlx: "邻里纠纷",
    sqbt: "楼上漏水协商不成",
    sqnr: `楼上住户卫生间漏水，多次协商未果，请求调解。（测试工单 ${n}）`,
    sfdz,
    cbdw: "古塘街道综治中心",
    blsx: "5个工作日",
  });
}

function writeFile(dir: string, name: string, lines: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

async function uploadThroughPage(page: Page, file: string) {
  await page.getByRole("tab", { name: "上传导入" }).click();
  await page.locator(".ant-upload input[type=file]").setInputFiles(file);
  await page.getByRole("button", { name: /开始导入/ }).click();
  const summary = page.locator(`[data-testid=upload-outcome][data-file="${path.basename(file)}"]`).getByTestId("upload-summary");
  await summary.waitFor({ timeout: 60_000 });
  return summary;
}

/** Opens a tab of the intake page and returns its panel (the other tabs stay in the page, hidden). */
async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  return page.getByRole("tabpanel", { name });
}

describe("intake", () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    ensureWebBuild();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-intake-e2e-"));
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function loggedIn() {
    const page = await browser.newPage({ baseURL: server.baseUrl, locale: "zh-CN", viewport: { width: 1440, height: 1000 } });
    const problems = watchPageProblems(page);
    await page.goto("/intake");
    await page.waitForURL(/\/login/);
    await logIn(page, "zhongxin", "Gutang@2026");
    await page.waitForURL(/\/intake$/);
    return { page, problems };
  }

  it("imports a 12345 file, counts each outcome, and takes a fixed row out of quarantine", async () => {
    const { page, problems } = await loggedIn();
    // 3 good rows, an exact redelivery of the first, one dated in 2099, one cut off mid-line.
    const first = workOrder(1, "2025-03-05T14:05:00");
    const fixture = writeFile(dir, `12345_e2e_${RUN}.jsonl`, [
      first,
      workOrder(2, "2025-03-06T09:30:00"),
      workOrder(3, "2025-03-07T16:45:00"),
      first,
      workOrder(4, "2099-03-05T14:05:00"),
      '{"gdbh": "X',
    ]);

    const summary = await uploadThroughPage(page, fixture);
    const total = async (key: string) => Number(await summary.getByTestId(`total-${key}`).textContent());
    expect(await total("read")).toBe(6);
    expect(await total("accepted")).toBe(3);
    expect(await total("redelivered")).toBe(1);
    expect(await total("corrected")).toBe(0);
    expect(await total("quarantined")).toBe(2);
    expect(await summary.textContent()).toContain("12345政务热线");
    expect(await summary.textContent()).toContain("时间晚于当前时间");

    // The summary links to this upload's own quarantined rows.
    await summary.getByRole("link", { name: "到隔离区修正本批数据" }).click();
    await page.waitForURL(/tab=quarantine&batch=\d+/);
    const quarantine = page.getByRole("tabpanel", { name: "隔离区" });
    await quarantine.getByText("仅看批次").waitFor();
    const futureRow = quarantine.locator(".ant-table-row", { hasText: `E2E${RUN}-4` });
    await futureRow.waitFor();
    expect(await futureRow.textContent()).toContain("时间晚于当前时间");
    expect(await quarantine.locator(".ant-table-row").count()).toBe(2);
    expect(await quarantine.locator(".ant-table-row", { hasText: '{"gdbh": "X' }).count()).toBe(1);

    await futureRow.getByRole("button", { name: "修正后重新提交" }).click();
    const dialog = page.locator(".ant-modal").filter({ hasText: "原始数据（修改后提交）" });
    const editor = dialog.locator("textarea");
    const text = await editor.inputValue();
    expect(text).toContain('"slsj":"2099-03-05T14:05:00"');
    await editor.fill(text.replace('"slsj":"2099-', '"slsj":"2025-'));
    await dialog.getByRole("button", { name: "重新提交" }).click();
    await page.getByText("已接收为新记录").waitFor();
    await expect.poll(() => futureRow.count(), { timeout: 10_000 }).toBe(0);
    expect(await quarantine.locator(".ant-table-row").count()).toBe(1);

    // The fixed row is now a record, its time shown in Beijing time.
    const records = await openTab(page, "渠道记录");
    const record = records.locator(".ant-table-row", { hasText: `E2E${RUN}-4` });
    await record.waitFor();
    expect(await record.textContent()).toContain("2025-03-05 14:05");
    await record.click();
    const drawer = page.locator(".ant-drawer");
    await drawer.getByText("版本 v1").waitFor();
    expect(await drawer.textContent()).toContain("138****1004"); // the phone, masked
    await drawer.locator(".ant-drawer-close").click();
    await drawer.locator(".ant-drawer-content").waitFor({ state: "hidden" });

    await page.getByRole("tab", { name: "上传导入" }).click();
    await summary.waitFor();
    // Let the tab's underline finish moving before the picture.
    await expect.poll(async () => {
      const bar = await page.locator(".ant-tabs-ink-bar").boundingBox();
      const tab = await page.getByRole("tab", { selected: true }).boundingBox();
      return Math.abs((bar?.x ?? 0) - (tab?.x ?? 0)) < 2;
    }).toBe(true);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("places an address no rule could place, and every record with it", async () => {
    const { page, problems } = await loggedIn();
    const place = `古塘街道菜场东门${RUN}对面`;
    const fixture = writeFile(dir, `12345_address_${RUN}.jsonl`, [workOrder(11, "2025-04-01T10:00:00", place), workOrder(12, "2025-04-02T10:00:00", place)]);
    const summary = await uploadThroughPage(page, fixture);
    expect(Number(await summary.getByTestId("total-accepted").textContent())).toBe(2);

    const addresses = await openTab(page, "待定位地址");
    const row = addresses.locator(".ant-table-row", { hasText: place });
    await row.waitFor();
    // Search the tree by name, as a clerk would: whether the street node has opened by itself yet
    // is a race, and a click on its switcher at the wrong moment closes it.
    await row.locator(".ant-select").click();
    await row.locator(".ant-select input").fill("上傅家");
    const community = page.locator(".ant-select-tree-node-content-wrapper", { hasText: "上傅家社区" });
    await community.click();
    await row.getByRole("button", { name: /定\s*位/ }).click();
    const result = addresses.getByTestId("place-result");
    await result.waitFor();
    expect(await result.textContent()).toContain("已定位 2 条记录，并记住该地址写法");
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
