// A red case's warning driven through its whole loop in the web app: the walk-in window registers a dispute with a
// threat of violence, the case turns red and a warning goes to the street centre, the police station and the lead
// unit; each acknowledges (签收) in the warnings centre, the lead unit reports its measures (处置反馈), the street
// centre supervises (督办) and closes it with an outcome (销号); every step shows with its time.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSession } from "./browser.js";
import { apiGet, caseMarked, fileAtWindow } from "./page-api.js";
import { liveApp, repoRoot } from "./server.js";

const RUN = Date.now().toString(36).toUpperCase();
const MARK = `宅基地${RUN}号争执`;
const PASSWORD = "Gutang@2026";

interface Receipt {
  unitId: number;
  unitName: string;
  acknowledgedAt: string | null;
}
interface Warning {
  id: number;
  status: string;
  trigger: string;
  receipts: Receipt[];
  steps: { step: string; at: string | null }[];
  outcome: string | null;
}


async function apiPost<T>(page: Page, url: string, body: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ url, body }) => {
      const csrf = document.cookie.split("; ").find((c) => c.startsWith("tb_csrf="))?.split("=")[1] ?? "";
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    { url, body },
  ) as Promise<{ status: number; body: T }>;
}

/** Opens the warning of the case in the warnings centre; answers the drawer. */
async function openWarning(page: Page, caseCode: string) {
  await page.goto("/warnings");
  await page.locator(".ant-table-row", { hasText: caseCode }).first().click();
  const drawer = page.locator(".ant-drawer").last();
  await drawer.getByText(caseCode).first().waitFor();
  return drawer;
}

/** Clicks a step's button in the drawer and fills its form when it has one. */
async function act(page: Page, caseCode: string, button: RegExp, text?: string, submit?: RegExp) {
  const drawer = await openWarning(page, caseCode);
  await drawer.getByRole("button", { name: button }).click();
  if (text) {
    await drawer.locator("textarea").fill(text);
    await drawer.getByRole("button", { name: submit! }).click();
  }
  await page.locator(".ant-message-success").first().waitFor();
}

describe("a warning through its loop in the web app", () => {
  const live = liveApp();
  const session = (username: string) => openSession(live.browser, live.server.baseUrl, username, PASSWORD);

  it("raises a red case's warning, and is acknowledged by every recipient, answered, supervised and closed", async () => {
    const centre = await session("zhongxin");
    const filed = await fileAtWindow(centre.page, {
      reporterName: "钱国强",
      reporterPhone: "13805749876",
      address: "古塘街道团圈社区",
      narrative: `${MARK}，邻居强占我家宅基地砌墙，今天又来吵，扬言要和我同归于尽，请求处理。`,
    });
    expect(filed).toBe(200);
    const kase = await caseMarked(centre.page, MARK, (n) => expect.poll(n, { timeout: 60_000, interval: 1000 }).toBe(1));

    // The case turns red and its warning is raised after formation, to every recipient.
    type List = { items: { id: number; trigger: string }[] };
    await expect
      .poll(async () => (await apiGet<List>(centre.page, `/api/warnings?caseId=${kase.id}&trigger=case_red`)).items.length, { timeout: 90_000, interval: 1000 })
      .toBe(1);
    const warningId = (await apiGet<List>(centre.page, `/api/warnings?caseId=${kase.id}&trigger=case_red`)).items[0].id;
    const raised = await apiGet<Warning>(centre.page, `/api/warnings/${warningId}`);
    expect(raised.status).toBe("raised");
    expect(raised.receipts.length).toBeGreaterThanOrEqual(2);

    // One account per recipient unit: the demo's where it has one, else one made by the administrator.
    const admin = await session("admin");
    const accounts = (await apiGet<{ items: { username: string; unitId: number | null; role: string; disabled?: boolean }[] }>(admin.page, "/api/accounts")).items;
    const responders = ["street_centre", "police", "unit_handler", "unit_leader"];
    const usernames: string[] = [];
    for (const r of raised.receipts) {
      const own = accounts.find((a) => a.unitId === r.unitId && responders.includes(a.role) && !a.disabled);
      if (own) {
        usernames.push(own.username);
        continue;
      }
      const username = `yujing_${r.unitId}_${RUN}`.toLowerCase();
      const made = await apiPost(admin.page, "/api/accounts", { username, displayName: `${r.unitName}值班员`, role: "unit_handler", unitId: r.unitId, password: PASSWORD });
      expect(made.status).toBe(200);
      usernames.push(username);
    }

    // 签收: each recipient in the warnings centre.
    const sessions = [];
    for (const username of usernames) {
      const s = username === "zhongxin" ? centre : await session(username);
      sessions.push(s);
      await act(s.page, kase.code, /签\s*收/);
    }
    const acknowledged = await apiGet<Warning>(centre.page, `/api/warnings/${warningId}`);
    expect(acknowledged.status).toBe("acknowledged");
    expect(acknowledged.receipts.every((r) => r.acknowledgedAt)).toBe(true);

    // 反馈: the lead unit (the last recipient) reports its measures.
    const lead = sessions[sessions.length - 1];
    await act(lead.page, kase.code, /反馈处置措施/, "社区书记会同民警上门，双方情绪已稳定，明日组织调解", /提交反馈/);

    // 督办 and 销号 by the street centre.
    await act(centre.page, kase.code, /发起督办/, "三日内组织双方调解并反馈结果", /确认督办/);
    await act(centre.page, kase.code, /^销\s*号$/, "经调解双方签订协议，围墙拆除，风险解除", /确认销号/);

    const closed = await apiGet<Warning>(centre.page, `/api/warnings/${warningId}`);
    expect(closed.status).toBe("closed");
    expect(closed.outcome).toBe("经调解双方签订协议，围墙拆除，风险解除");
    expect(closed.steps.every((s) => s.at)).toBe(true);

    // The drawer shows the loop finished; the case's timeline has every step.
    const drawer = await openWarning(centre.page, kase.code);
    await drawer.getByText("已销号").first().waitFor();
    await drawer.locator(".ant-steps-item-finish").nth(4).waitFor();
    await centre.page.screenshot({ path: path.join(repoRoot, "test-results/warning-loop.png"), fullPage: true });
    await centre.page.goto(`/cases/${kase.id}`);
    const timeline = centre.page.locator(".ant-card", { hasText: "处置时间轴" });
    for (const kind of ["发出预警", "预警签收", "预警处置反馈", "预警督办", "预警销号"]) await timeline.getByText(kind, { exact: true }).first().waitFor();

    expect([...centre.problems, ...admin.problems, ...sessions.flatMap((s) => s.problems)]).toEqual([]);
  }, 400_000);
});
