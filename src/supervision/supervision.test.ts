import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createCase, login, unitId, type Session, type TestApp } from "../test/app.js";
import { actAs, createLedgerTestApp } from "./test-support.js";
import { issueSupervisionOrder } from "./issue-order.js";

const STREET = "330282006";
const HOME = "330282006004"; // 团圈社区
const AWAY = "330282006001"; // 上傅家社区

let h: TestApp;
let centre: Session; // street centre, whole street
let homeCentre: Session; // street_centre role but scoped to another community
let labour: Session; // the ordered unit's handler
let labourLeaderId: number;
let judicial: Session; // another department
let caseId: number;
let labourId: number;
let centreUnitId: number;

beforeAll(async () => {
  h = await createLedgerTestApp();
  labourId = await unitId(h.t, "GT-LDBZ");
  centreUnitId = await unitId(h.t, "GT-SZZX");
  caseId = (await createCase(h.t, { region: `${AWAY}-G01`, unit: `CC-${AWAY}`, title: "上傅家欠薪纠纷" })).id;
  centre = await login(h.app, (await createAccount(h.t, "street_centre", STREET, "GT-SZZX")).username);
  homeCentre = await login(h.app, (await createAccount(h.t, "street_centre", HOME, `CC-${HOME}`)).username);
  labour = await login(h.app, (await createAccount(h.t, "unit_handler", STREET, "GT-LDBZ")).username);
  labourLeaderId = (await createAccount(h.t, "unit_leader", STREET, "GT-LDBZ")).id;
  judicial = await login(h.app, (await createAccount(h.t, "unit_handler", STREET, "GT-SFS")).username);
});
afterAll(() => h?.close());

const post = (s: Session, url: string, payload: object = {}) => h.app.inject({ method: "POST", url, headers: s.headers, payload });
const get = (s: Session, url: string) => h.app.inject({ method: "GET", url, headers: s.headers });
const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;
const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

async function issue(demand = "三日内约谈企业负责人并反馈欠薪处置情况") {
  const res = await post(centre, `/api/cases/${caseId}/supervision`, { unitId: labourId, demand, dueAt: inADay() });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("supervision orders", () => {
  it("issues, is answered by the ordered unit, escalates, and is closed — each step on the timeline, notified and audited", async () => {
    const order = await issue();
    expect(order).toMatchObject({ status: "open", unitId: labourId, caseId, source: "manual", can: { respond: false, close: true, escalate: true } });
    expect(await query(`SELECT kind, unit_id, detail->>'orderId' AS order_id FROM case_events WHERE case_id = $1 ORDER BY id`, [caseId])).toEqual([
      { kind: "supervision_issued", unit_id: labourId, order_id: String(order.id) },
    ]);
    const noticed = await query(`SELECT n.account_id FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = 'supervision_issued' AND a.unit_id = $1`, [labourId]);
    expect(noticed.length).toBe(2); // the handler and the leader

    // The ordered unit sees it with the respond button; other units do not see it at all.
    expect((await get(labour, `/api/supervision/${order.id}`)).json().can).toEqual({ respond: true, close: false, escalate: false });
    expect((await get(judicial, `/api/supervision/${order.id}`)).statusCode).toBe(404);
    expect((await post(judicial, `/api/supervision/${order.id}/respond`, { response: "不是我们的事" })).statusCode).toBe(404);
    // The street centre may not answer for the unit, nor the unit close its own order.
    expect((await post(centre, `/api/supervision/${order.id}/respond`, { response: "代为回复" })).statusCode).toBe(403);
    expect((await post(labour, `/api/supervision/${order.id}/close`, { note: "自行办结" })).statusCode).toBe(403);

    const responded = await post(labour, `/api/supervision/${order.id}/respond`, { response: "已约谈企业负责人，约定本周五前结清工资" });
    expect(responded.statusCode, responded.body).toBe(200);
    expect(responded.json()).toMatchObject({ status: "responded", response: "已约谈企业负责人，约定本周五前结清工资", can: { respond: false } });
    expect((await post(labour, `/api/supervision/${order.id}/respond`, { response: "再次回复" })).statusCode).toBe(409);
    const centreNotices = await query(`SELECT n.id FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = 'supervision_responded' AND a.unit_id = $1`, [centreUnitId]);
    expect(centreNotices.length).toBeGreaterThan(0);

    const escalated = await post(centre, `/api/supervision/${order.id}/escalate`, { toUnitId: centreUnitId, note: "工资仍未结清，升级督办" });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(escalated.json()).toMatchObject({ status: "escalated", escalatedToUnitId: centreUnitId, can: { respond: false, close: true, escalate: false } });
    expect(await query(`SELECT account_id FROM notifications WHERE kind = 'supervision_escalated_leader'`)).toContainEqual({ account_id: labourLeaderId });
    expect((await get(labour, `/api/supervision/${order.id}`)).json().can.respond).toBe(true);
    expect((await post(labour, `/api/supervision/${order.id}/respond`, { response: "工资已全部结清" })).json().status).toBe("responded");

    const closed = await post(centre, `/api/supervision/${order.id}/close`, { note: "经回访工资已结清" });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", closingNote: "经回访工资已结清", can: { respond: false, close: false, escalate: false } });
    expect((await post(centre, `/api/supervision/${order.id}/close`, { note: "再次办结" })).statusCode).toBe(409);

    expect((await query(`SELECT kind FROM case_events WHERE detail->>'orderId' = $1 ORDER BY id`, [String(order.id)])).map((r) => r.kind)).toEqual([
      "supervision_issued",
      "supervision_responded",
      "supervision_escalated",
      "supervision_responded",
      "supervision_closed",
    ]);
    expect((await query(`SELECT action FROM audit_events WHERE subject_type = 'supervision_order' AND subject_id = $1 ORDER BY id`, [String(order.id)])).map((r) => r.action)).toEqual([
      "supervision.issue",
      "supervision.respond",
      "supervision.escalate",
      "supervision.respond",
      "supervision.close",
    ]);
    // The ledger charged the unit for the order and for its escalation.
    expect(await query(`SELECT rule_code, points, unit_id FROM assessment_entries WHERE case_id = $1 ORDER BY id`, [caseId])).toEqual([
      { rule_code: "supervision_received", points: -2, unit_id: labourId },
      { rule_code: "supervision_escalated", points: -3, unit_id: labourId },
    ]);
  });

  it("is out of reach (404) for an account of another community, for reading and for acting", async () => {
    const order = await issue("另一督办");
    expect((await get(homeCentre, `/api/supervision/${order.id}`)).statusCode).toBe(404);
    for (const action of ["close", "escalate"]) {
      expect((await post(homeCentre, `/api/supervision/${order.id}/${action}`, { note: "越权操作" })).statusCode).toBe(404);
    }
    expect((await post(homeCentre, `/api/cases/${caseId}/supervision`, { unitId: labourId, demand: "越权督办", dueAt: inADay() })).statusCode).toBe(404);
    const list = await get(homeCentre, `/api/supervision`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain("上傅家欠薪纠纷");
    expect((await get(homeCentre, `/api/supervision/stats`)).json().units).toEqual([]);
  });

  it("lists and counts orders per unit, each user seeing their own", async () => {
    const order = await issue("列表用督办");
    const all = (await get(centre, `/api/supervision?status=open`)).json();
    expect(all.items.map((o: { id: number }) => o.id)).toContain(order.id);
    expect(all.items.every((o: { status: string }) => o.status === "open")).toBe(true);
    expect((await get(labour, `/api/supervision?unitId=${labourId}`)).json().items.map((o: { id: number }) => o.id)).toContain(order.id);
    expect((await get(judicial, `/api/supervision`)).json().items).toEqual([]);
    expect((await get(centre, `/api/supervision?caseId=${caseId}`)).json().items.length).toBe(3);

    const stats = (await get(centre, `/api/supervision/stats`)).json().units;
    const [openCount] = await query(`SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*)::int AS total FROM supervision_orders WHERE unit_id = $1`, [labourId]);
    expect(stats).toEqual([expect.objectContaining({ unitId: labourId, unitName: "古塘劳动保障所", open: openCount.open, closed: 1, total: openCount.total })]);
    expect((await get(labour, `/api/supervision/stats`)).json().units).toEqual(stats);
  });

  it("rejects a due time in the past and a task of another case", async () => {
    const past = await post(centre, `/api/cases/${caseId}/supervision`, { unitId: labourId, demand: "过去的时限", dueAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.statusCode).toBe(400);
    const strayTask = await post(centre, `/api/cases/${caseId}/supervision`, { unitId: labourId, taskId: 999999, demand: "不存在的任务", dueAt: inADay() });
    expect(strayTask.statusCode).toBe(400);
  });

  it("is issued by the deadline sweep as the system, for a red-tier timer", async () => {
    const { orderId } = await actAs(h, { kind: "system", label: "deadlines" }, new Date(), (ctx) =>
      issueSupervisionOrder(ctx, { caseId, unitId: labourId, demand: "办理时限即将届满，请加快办理", dueAt: new Date(Date.now() + 3600_000), source: "deadline" }),
    );
    const [row] = await query(`SELECT source, issued_by_label FROM supervision_orders WHERE id = $1`, [orderId]);
    expect(row).toEqual({ source: "deadline", issued_by_label: "system:deadlines" });
  });
});
