import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../cases/schema.js";
import { createAccount, createCase, createTestApp, login, type Session, type TestApp } from "../test/app.js";
import { raiseDueWarnings } from "./raise-due.js";
import { escalateLateFeedback, escalateUnacknowledged } from "./sweeps.js";

const STREET = "330282006";
const HOME = "330282006004"; // 团圈社区
const AWAY = "330282006001"; // 上傅家社区

let h: TestApp;
let centre: Session; // street centre, whole street
let police: Session;
let community: Session; // 上傅家 community centre: the lead unit
let judicial: Session; // a department that is not a recipient
let homeCommunity: Session; // another community's centre
let grid: Session; // reads warnings, may not respond

const services = () => ({ db: h.t.db, cipher: h.t.cipher });
const post = (s: Session, url: string, payload: object = {}) => h.app.inject({ method: "POST", url, headers: s.headers, payload });
const get = (s: Session, url: string) => h.app.inject({ method: "GET", url, headers: s.headers });
const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;

async function redWarning(title: string): Promise<number> {
  const c = await createCase(h.t, { region: `${AWAY}-G01`, unit: `CC-${AWAY}`, title });
  const at = new Date(Date.now() - 3_600_000);
  await h.t.db
    .update(cases)
    .set({ riskLevel: "red", riskScore: 35, riskFactors: [{ factor: "threat", label: "扬言报复、威胁", detail: "报警记录中有“同归于尽”", points: 30, hard: true }], firstReportedAt: at })
    .where(eq(cases.id, c.id));
  await raiseDueWarnings(services());
  const [w] = await query(`SELECT id FROM warnings WHERE case_id = $1 AND trigger = 'case_red'`, [c.id]);
  return w.id;
}

beforeAll(async () => {
  h = await createTestApp();
  centre = await login(h.app, (await createAccount(h.t, "street_centre", STREET, "GT-SZZX")).username);
  police = await login(h.app, (await createAccount(h.t, "police", STREET, "GT-PCS")).username);
  community = await login(h.app, (await createAccount(h.t, "unit_handler", AWAY, `CC-${AWAY}`)).username);
  judicial = await login(h.app, (await createAccount(h.t, "unit_handler", STREET, "GT-SFS")).username);
  homeCommunity = await login(h.app, (await createAccount(h.t, "unit_handler", HOME, `CC-${HOME}`)).username);
  grid = await login(h.app, (await createAccount(h.t, "grid_worker", AWAY, `CC-${AWAY}`)).username);
});
afterAll(() => h?.close());

describe("a warning's loop: acknowledge → feedback → supervise → close", () => {
  it("goes through every step, each on the timeline and audited, refusing what the state or the unit does not allow", async () => {
    const id = await redWarning("扬言同归于尽的邻里纠纷");
    const w0 = (await get(centre, `/api/warnings/${id}`)).json();
    expect(w0).toMatchObject({ status: "raised", level: "red", trigger: "case_red", receiptsTotal: 3, can: { acknowledge: true, feedback: false, supervise: true, close: false } });

    // Only a recipient unit acknowledges, once; feedback waits for the unit's own acknowledgement.
    expect((await post(judicial, `/api/warnings/${id}/acknowledge`)).json().error.code).toBe("WARNING_NOT_RECIPIENT");
    expect((await post(grid, `/api/warnings/${id}/acknowledge`)).statusCode).toBe(403);
    expect((await post(community, `/api/warnings/${id}/feedback`, { measures: "已上门" })).json().error.code).toBe("WARNING_WRONG_STATE");
    expect((await post(centre, `/api/warnings/${id}/close`, { outcome: "已化解" })).json().error.code).toBe("WARNING_WRONG_STATE");

    expect((await post(centre, `/api/warnings/${id}/acknowledge`)).json()).toMatchObject({ status: "raised", receiptsAcknowledged: 1 });
    expect((await post(centre, `/api/warnings/${id}/acknowledge`)).json().error.code).toBe("WARNING_WRONG_STATE");
    expect((await post(police, `/api/warnings/${id}/acknowledge`)).json()).toMatchObject({ status: "raised", receiptsAcknowledged: 2 });
    const acked = (await post(community, `/api/warnings/${id}/acknowledge`)).json();
    expect(acked).toMatchObject({ status: "acknowledged", receiptsAcknowledged: 3, can: { acknowledge: false, feedback: true } });
    expect(acked.acknowledgedAt).not.toBeNull();

    // Closing still needs a feedback.
    expect((await post(centre, `/api/warnings/${id}/close`, { outcome: "已化解" })).json().error.code).toBe("WARNING_WRONG_STATE");
    const fed = (await post(community, `/api/warnings/${id}/feedback`, { measures: "社区书记上门稳控，双方情绪平稳，已约定调解时间" })).json();
    expect(fed).toMatchObject({ status: "feedback", feedback: [{ measures: "社区书记上门稳控，双方情绪平稳，已约定调解时间" }], can: { feedback: true, close: false } });
    expect((await get(centre, `/api/warnings/${id}`)).json().can).toMatchObject({ close: true, supervise: true });
    expect(fed.steps.map((s: { step: string; at: string | null }) => [s.step, s.at != null])).toEqual([
      ["raised", true],
      ["acknowledged", true],
      ["feedback", true],
      ["supervised", false],
      ["closed", false],
    ]);

    // Supervision: by the street centre only, an order with source "warning" linked to the warning.
    const unitId = fed.supervisableUnits.find((u: { unitName: string }) => u.unitName.includes("二级中心")).unitId;
    const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expect((await post(community, `/api/warnings/${id}/supervise`, { unitId, demand: "三日内组织调解", dueAt })).statusCode).toBe(403);
    const supervised = (await post(centre, `/api/warnings/${id}/supervise`, { unitId, demand: "三日内组织调解并反馈结果", dueAt })).json();
    expect(supervised).toMatchObject({ status: "supervised", supervision: { demand: "三日内组织调解并反馈结果", status: "open" } });
    expect(await query(`SELECT source, unit_id FROM supervision_orders WHERE id = $1`, [supervised.supervision.orderId])).toEqual([{ source: "warning", unit_id: unitId }]);
    expect((await post(centre, `/api/warnings/${id}/supervise`, { unitId, demand: "再次督办", dueAt })).json().error.code).toBe("WARNING_WRONG_STATE");

    // 销号 with the outcome; then nothing more.
    const closed = (await post(centre, `/api/warnings/${id}/close`, { outcome: "经调解双方达成协议，风险解除" })).json();
    expect(closed).toMatchObject({ status: "closed", outcome: "经调解双方达成协议，风险解除", can: { acknowledge: false, feedback: false, supervise: false, close: false } });
    expect(closed.steps.every((s: { at: string | null }) => s.at != null)).toBe(true);
    expect((await post(centre, `/api/warnings/${id}/close`, { outcome: "再次销号" })).json().error.code).toBe("WARNING_WRONG_STATE");
    expect((await post(community, `/api/warnings/${id}/feedback`, { measures: "补充反馈" })).json().error.code).toBe("WARNING_WRONG_STATE");

    const caseId = closed.caseId;
    const kinds = (await query(`SELECT kind FROM case_events WHERE case_id = $1 AND kind LIKE 'warning_%' ORDER BY id`, [caseId])).map((r) => r.kind);
    expect(kinds).toEqual(["warning_raised", "warning_acknowledged", "warning_acknowledged", "warning_acknowledged", "warning_feedback", "warning_supervised", "warning_closed"]);
    const audited = (await query(`SELECT action FROM audit_events WHERE subject_type = 'warning' AND subject_id = $1 ORDER BY id`, [String(id)])).map((r) => r.action);
    expect(audited).toEqual(["warning.raise", "warning.acknowledge", "warning.acknowledge", "warning.acknowledge", "warning.feedback", "warning.supervise", "warning.close"]);
  });

  it("lists warnings in scope with counts per status; another community's account gets 404", async () => {
    const id = await redWarning("另一起红色纠纷");
    const list = (await get(police, `/api/warnings?status=raised`)).json();
    expect(list.items.map((w: { id: number }) => w.id)).toContain(id);
    expect(list.counts.raised).toBeGreaterThanOrEqual(1);
    expect(list.counts.closed).toBeGreaterThanOrEqual(1);
    expect(list.items.every((w: { status: string }) => w.status === "raised")).toBe(true);

    expect((await get(homeCommunity, `/api/warnings/${id}`)).statusCode).toBe(404);
    expect((await post(homeCommunity, `/api/warnings/${id}/acknowledge`)).statusCode).toBe(404);
    expect((await get(homeCommunity, `/api/warnings`)).json().items.map((w: { id: number }) => w.id)).not.toContain(id);
    // The lead unit's grid worker reads it but has no buttons.
    expect((await get(grid, `/api/warnings/${id}`)).json().can).toEqual({ acknowledge: false, feedback: false, supervise: false, close: false });
  });
});

describe("escalation of unacknowledged warnings", () => {
  it("escalates a receipt past its time once, to the unit's leaders and the street centre", async () => {
    const id = await redWarning("逾期未签收的红色纠纷");
    const leader = await createAccount(h.t, "unit_leader", STREET, "GT-PCS");
    await post(centre, `/api/warnings/${id}/acknowledge`);
    await post(community, `/api/warnings/${id}/acknowledge`);

    const [r] = await query(`SELECT ack_due_at FROM warning_receipts r JOIN units u ON u.id = r.unit_id WHERE r.warning_id = $1 AND u.code = 'GT-PCS'`, [id]);
    expect(await escalateUnacknowledged(services(), new Date(r.ack_due_at.getTime() - 60_000))).toEqual({ escalated: 0, failed: [] });
    const late = new Date(r.ack_due_at.getTime() + 60_000);
    expect((await escalateUnacknowledged(services(), late)).escalated).toBeGreaterThanOrEqual(1); // other tests' warnings too
    expect((await escalateUnacknowledged(services(), new Date(late.getTime() + 3_600_000))).escalated).toBe(0);

    const receipts = await query(`SELECT u.code, r.escalated_at IS NOT NULL AS escalated FROM warning_receipts r JOIN units u ON u.id = r.unit_id WHERE r.warning_id = $1 ORDER BY u.code`, [id]);
    expect(receipts).toEqual([
      { code: `CC-${AWAY}`, escalated: false },
      { code: "GT-PCS", escalated: true },
      { code: "GT-SZZX", escalated: false },
    ]);
    const [{ caseId }] = await query(`SELECT case_id AS "caseId" FROM warnings WHERE id = $1`, [id]);
    expect(await query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'warning_escalated_leader' AND account_id = $1 AND case_id = $2`, [leader.id, caseId])).toEqual([{ n: 1 }]);
    const centreNotices = await query(`SELECT count(*)::int AS n FROM notifications n JOIN accounts a ON a.id = n.account_id JOIN units u ON u.id = a.unit_id WHERE n.kind = 'warning_escalated' AND u.code = 'GT-SZZX' AND n.case_id = $1`, [caseId]);
    expect(centreNotices[0].n).toBeGreaterThan(0);
    expect(await query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind = 'warning_escalated'`, [caseId])).toEqual([{ n: 1 }]);

    // Acknowledged late, it still counts; the receipt shows both.
    const detail = (await post(police, `/api/warnings/${id}/acknowledge`)).json();
    expect(detail.receipts.find((x: { unitKind: string }) => x.unitKind === "police")).toMatchObject({ escalatedAt: late.toISOString() });
    expect(detail.status).toBe("acknowledged");
  });

  it("puts a warning with no feedback by its feedback time to the street centre once, to supervise", async () => {
    const id = await redWarning("逾期未反馈的红色纠纷");
    await post(centre, `/api/warnings/${id}/acknowledge`);
    const [w] = await query(`SELECT case_id AS "caseId", feedback_due_at AS due FROM warnings WHERE id = $1`, [id]);
    const before = await escalateLateFeedback(services(), new Date(w.due.getTime() - 60_000));
    const late = new Date(w.due.getTime() + 60_000);
    expect(await escalateLateFeedback(services(), late)).toBeGreaterThan(before);
    await escalateLateFeedback(services(), new Date(late.getTime() + 3_600_000));
    const events = await query(`SELECT detail->>'stage' AS stage FROM case_events WHERE case_id = $1 AND kind = 'warning_escalated'`, [w.caseId]);
    expect(events).toEqual([{ stage: "feedback" }]);
    const notices = await query(`SELECT count(*)::int AS n FROM notifications n JOIN accounts a ON a.id = n.account_id JOIN units u ON u.id = a.unit_id WHERE n.kind = 'warning_feedback_late' AND u.code = 'GT-SZZX' AND n.case_id = $1`, [w.caseId]);
    expect(notices[0].n).toBeGreaterThan(0);
  });
});
