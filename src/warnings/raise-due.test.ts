import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../cases/schema.js";
import type { RiskFactor } from "../risk/levels.js";
import { asSystem } from "../tasks/test-support/handling-fixture.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { tasks } from "../tasks/schema.js";
import { createCase, createPerson, createTestApp, unitId, type TestApp } from "../test/app.js";
import { raiseDueWarnings } from "./raise-due.js";

const AWAY = "330282006001"; // 上傅家社区
const DAY = 86_400_000;

let h: TestApp;
const services = () => ({ db: h.t.db, cipher: h.t.cipher });
const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;
const factor = (f: RiskFactor["factor"], label: string): RiskFactor => ({ factor: f, label, detail: label, points: 30, hard: true });

async function riskCase(level: "red" | "yellow" | "green", factors: RiskFactor[], opts: { unit?: string; reportedAt?: Date; people?: number[] } = {}) {
  const c = await createCase(h.t, { region: `${AWAY}-G01`, unit: opts.unit, people: opts.people });
  const at = opts.reportedAt ?? new Date(Date.now() - DAY);
  await h.t.db.update(cases).set({ riskLevel: level, riskScore: 40, riskFactors: factors, firstReportedAt: at, lastReportedAt: at }).where(eq(cases.id, c.id));
  return c;
}

const warningsOf = (caseId: number) => query(`SELECT id, trigger, level, person_id, reasons, status FROM warnings WHERE case_id = $1 ORDER BY id`, [caseId]);

beforeAll(async () => {
  h = await createTestApp();
});
afterAll(() => h?.close());

describe("raiseDueWarnings", () => {
  it("raises a red case's warning once, to the street centre, the police station and the lead unit, each notified", async () => {
    const threat = factor("threat", "扬言报复、威胁");
    const c = await riskCase("red", [threat], { unit: `CC-${AWAY}` });
    await raiseDueWarnings(services());
    await raiseDueWarnings(services());
    const ws = await warningsOf(c.id);
    expect(ws).toMatchObject([{ trigger: "case_red", level: "red", status: "raised", reasons: [threat] }]);
    const receipts = await query(`SELECT u.code FROM warning_receipts r JOIN units u ON u.id = r.unit_id WHERE r.warning_id = $1 ORDER BY u.code`, [ws[0].id]);
    expect(receipts.map((r) => r.code)).toEqual([`CC-${AWAY}`, "GT-PCS", "GT-SZZX"].sort());
    expect(await query(`SELECT kind FROM case_events WHERE case_id = $1`, [c.id])).toEqual([{ kind: "warning_raised" }]);
    expect(await query(`SELECT action FROM audit_events WHERE subject_type = 'warning' AND subject_id = $1`, [String(ws[0].id)])).toEqual([{ action: "warning.raise" }]);

    // Closed, the case stays red: no second case_red warning.
    await h.t.db.$client.query(`UPDATE warnings SET status = 'closed', closed_at = now() WHERE id = $1`, [ws[0].id]);
    await raiseDueWarnings(services());
    expect(await warningsOf(c.id)).toHaveLength(1);
  });

  it("leaves out cases that are not red, merged, or closed", async () => {
    const yellow = await riskCase("yellow", [factor("money", "涉及金额大")]);
    const merged = await riskCase("red", [factor("threat", "威胁")]);
    await h.t.db.update(cases).set({ mergedIntoId: yellow.id }).where(eq(cases.id, merged.id));
    const closed = await riskCase("red", [factor("threat", "威胁")]);
    await h.t.db.update(cases).set({ status: "closed", closedAt: new Date(Date.now() - 3_600_000) }).where(eq(cases.id, closed.id));
    await raiseDueWarnings(services());
    for (const c of [yellow, merged, closed]) expect(await warningsOf(c.id)).toEqual([]);
  });

  it("raises a group dispute's warning once, the group factor first", async () => {
    const group = factor("group", "群体性（10人以上）");
    const c = await riskCase("red", [factor("police", "民警已出警"), group]);
    await raiseDueWarnings(services());
    await raiseDueWarnings(services());
    const ws = (await warningsOf(c.id)).filter((w) => w.trigger === "group_dispute");
    expect(ws).toHaveLength(1);
    expect(ws[0].level).toBe("red");
    expect(ws[0].reasons[0].factor).toBe("group");
  });

  it("raises person_repeat on a person's third case within 30 days, on the latest, yellow unless the case is red", async () => {
    const p = await createPerson(h.t, { name: "钱多多", kind: "person" });
    const q = await createPerson(h.t, { name: "孙两起", kind: "person" });
    const now = Date.now();
    const first = await riskCase("green", [], { people: [p.id, q.id], reportedAt: new Date(now - 25 * DAY) });
    const second = await riskCase("green", [], { people: [p.id, q.id], reportedAt: new Date(now - 10 * DAY) });
    await raiseDueWarnings(services());
    expect([...(await warningsOf(first.id)), ...(await warningsOf(second.id))]).toEqual([]);
    const third = await riskCase("yellow", [], { people: [p.id], reportedAt: new Date(now - 2 * DAY) });
    await raiseDueWarnings(services());
    await raiseDueWarnings(services());
    expect(await warningsOf(third.id)).toMatchObject([{ trigger: "person_repeat", level: "yellow", person_id: p.id }]);
    expect([...(await warningsOf(first.id)), ...(await warningsOf(second.id))]).toEqual([]);

    // A third case more than 30 days after the first two is no repeat.
    const r = await createPerson(h.t, { name: "周间隔", kind: "person" });
    await riskCase("green", [], { people: [r.id], reportedAt: new Date(now - 80 * DAY) });
    await riskCase("green", [], { people: [r.id], reportedAt: new Date(now - 70 * DAY) });
    const late = await riskCase("green", [], { people: [r.id], reportedAt: new Date(now - 1 * DAY) });
    await raiseDueWarnings(services());
    expect(await warningsOf(late.id)).toEqual([]);
  });

  it("raises overdue_red_task once for a red case whose open task went overdue", async () => {
    const c = await riskCase("yellow", [factor("money", "涉及金额大")], { unit: `CC-${AWAY}` });
    const [task] = await h.t.db
      .insert(tasks)
      .values({ caseId: c.id, unitId: await unitId(h.t, `CC-${AWAY}`), role: "lead", level: "community", state: "in_progress" })
      .returning();
    await asSystem(h, (ctx) => appendCaseEvent(ctx, { caseId: c.id, taskId: task.id, unitId: task.unitId, kind: "deadline_overdue", detail: { stage: "handle", dueAt: new Date().toISOString() } }));
    await raiseDueWarnings(services());
    expect(await warningsOf(c.id)).toEqual([]); // not red: the deadline sweep's own alerts suffice
    await h.t.db.update(cases).set({ riskLevel: "red" }).where(eq(cases.id, c.id));
    await raiseDueWarnings(services());
    await raiseDueWarnings(services());
    const ws = (await warningsOf(c.id)).filter((w) => w.trigger === "overdue_red_task");
    expect(ws).toHaveLength(1);
    expect(ws[0].reasons[0].label).toBe("红色案件任务超期");
  });
});
