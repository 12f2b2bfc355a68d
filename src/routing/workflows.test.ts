import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, unitId, type Session, type TestApp } from "../test/app.js";
import { seedRoutingMatrix } from "./gutang-matrix.js";
import { routeCase } from "./route-case.js";
import { asSystem, query, routingCase } from "./test-support.js";
import { instantiateWorkflow } from "./workflows.js";

const STREET = "330282006";
const A = "330282006001"; // 上傅家社区
const B = "330282006004"; // 团圈社区

let h: TestApp;
let caseId: number;
const as: Record<string, Session> = {};
beforeAll(async () => {
  h = await createTestApp();
  await seedRoutingMatrix(h.t.db);
  const c = await routingCase(h, { region: `${A}-G01`, category: "LD" });
  caseId = c.id;
  await asSystem(h, (ctx) => routeCase(ctx, caseId)); // labour leads, the judicial office helps
  const accounts = {
    labour: ["unit_handler", STREET, "GT-LDBZ"],
    judicial: ["unit_handler", STREET, "GT-SFS"],
    market: ["unit_handler", STREET, "GT-SCJG"],
    otherCommunity: ["unit_handler", B, `CC-${B}`],
    gridWorker: ["grid_worker", A, `CC-${A}`],
  } as const;
  for (const [k, [role, region, unit]] of Object.entries(accounts)) as[k] = await login(h.app, (await createAccount(h.t, role, region, unit)).username);
});
afterAll(() => h?.close());

type Step = { id: number; stepKey: string; ownerKind: string; canComplete: boolean; doneAt: string | null; doneByLabel: string | null; doneByUnitName: string | null };
const steps = async (s: Session): Promise<Step[]> => {
  const res = await h.app.inject({ method: "GET", url: `/api/cases/${caseId}/workflow`, headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().steps;
};
const step = async (key: string) => (await steps(as.labour)).find((s) => s.stepKey === `labour.${key}`)!;
const tick = async (s: Session, id: number, note?: string) => h.app.inject({ method: "POST", url: `/api/workflow-steps/${id}/complete`, headers: s.headers, payload: { note } });

describe("linked workflows", () => {
  it("creates the checklist once per case", async () => {
    expect(await asSystem(h, (ctx) => instantiateWorkflow(ctx, caseId, "LD"))).toBe(0);
    expect(await asSystem(h, (ctx) => instantiateWorkflow(ctx, caseId, "QT"))).toBe(0);
    expect((await steps(as.labour)).map((s) => s.ownerKind)).toEqual(["labour", "labour", "labour", "judicial", "labour", "police", "lead"]);
  });

  it("shows each unit what it may tick", async () => {
    expect((await steps(as.labour)).every((s) => s.canComplete)).toBe(true);
    const forJudicial = await steps(as.judicial);
    expect(forJudicial.filter((s) => s.canComplete).map((s) => s.stepKey)).toEqual(["labour.mediate"]);
    expect((await steps(as.market)).some((s) => s.canComplete)).toBe(false);
  });

  it("lets the owner unit tick its step and records who did it", async () => {
    const verify = await step("verify_relation");
    const res = await tick(as.labour, verify.id, "已核实劳动合同");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ doneByUnitName: "古塘劳动保障所", note: "已核实劳动合同", canComplete: false });
    expect(res.json().doneByLabel).toMatch(/^测试unit_handler/);
    const [event] = await query(h, `SELECT unit_id, detail FROM case_events WHERE case_id = $1 AND kind = 'workflow_step_done'`, [caseId]);
    expect(event).toEqual({ unit_id: await unitId(h.t, "GT-LDBZ"), detail: { stepKey: "labour.verify_relation", title: "核实劳动关系与用工主体", note: "已核实劳动合同" } });
    expect(await query(h, `SELECT subject_id FROM audit_events WHERE action = 'workflow.step_done'`)).toEqual([{ subject_id: String(verify.id) }]);
    expect((await tick(as.labour, verify.id)).statusCode).toBe(409);
  });

  it("lets a co-unit tick only the steps of its kind", async () => {
    expect((await tick(as.judicial, (await step("mediate")).id)).statusCode).toBe(200);
    const notTheirs = await tick(as.judicial, (await step("collect_payroll")).id);
    expect(notTheirs.statusCode).toBe(403);
    expect(notTheirs.json().error.code).toBe("NOT_STEP_OWNER");
  });

  it("lets the lead unit tick any step, the lead's own included", async () => {
    expect((await tick(as.labour, (await step("stabilise")).id)).statusCode).toBe(200);
    expect((await tick(as.labour, (await step("follow_up")).id)).statusCode).toBe(200);
  });

  it("refuses units without a part (403), roles that do not handle (403), and callers outside the case's place (404)", async () => {
    const id = (await step("compute_arrears")).id;
    expect((await tick(as.market, id)).statusCode).toBe(403);
    const grid = await tick(as.gridWorker, id);
    expect(grid.statusCode).toBe(403);
    expect(grid.json().error.code).toBe("FORBIDDEN");
    expect((await tick(as.otherCommunity, id)).statusCode).toBe(404);
    expect((await h.app.inject({ method: "GET", url: `/api/cases/${caseId}/workflow`, headers: as.otherCommunity.headers })).statusCode).toBe(404);
    expect((await tick(as.labour, 999_999)).statusCode).toBe(404);
    expect((await step("compute_arrears")).doneAt).toBeNull();
  });
});
