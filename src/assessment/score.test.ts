import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../server/context.js";
import { actAs, accountActor, createLedgerTestApp } from "../supervision/test-support.js";
import type { CaseEventKind } from "../tasks/event-kinds.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { createAccount, createCase, unitId, type TestApp } from "../test/app.js";
import { RULES } from "./rules.js";
import { scoreCaseEvent, scoreStoredEvents } from "./score.js";

const AWAY = "330282006001";
let h: TestApp;
let handler: Actor;
let handlerId: number;
let labourId: number;
let judicialId: number;
const system: Actor = { kind: "system", label: "test" };

beforeAll(async () => {
  h = await createLedgerTestApp();
  labourId = await unitId(h.t, "GT-LDBZ");
  judicialId = await unitId(h.t, "GT-SFS");
  const account = await createAccount(h.t, "unit_handler", "330282006", "GT-LDBZ");
  handlerId = account.id;
  handler = await accountActor(h, account);
});
afterAll(() => h?.close());

const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;

/** A detail that meets each rule's condition, and (for conditional rules) one that does not. */
const MEETS: Record<string, Record<string, unknown>> = {
  claimed_on_time: { claimDeadline: "2025-03-01T00:00:00Z", onTime: true, attempts: 3 },
  claimed_on_time_person: { claimDeadline: "2025-03-01T00:00:00Z", onTime: true, attempts: 3 },
  accepted_on_time: { dueAt: "2025-03-01T00:00:00Z", onTime: true },
  accepted_late: { dueAt: "2025-03-01T00:00:00Z", onTime: false },
  co_reported_on_time: { report: "已走访", dueAt: "2025-03-01T00:00:00Z", onTime: true },
  resolved_on_time: { dueAt: "2025-03-01T00:00:00Z", onTime: true, resolution: "调解成功" },
  resolved_on_time_person: { dueAt: "2025-03-01T00:00:00Z", onTime: true, resolution: "调解成功" },
  resolved_late: { dueAt: "2025-03-01T00:00:00Z", onTime: false, resolution: "调解成功" },
  verified_first_time: { firstTime: true },
  verify_rejected: { note: "材料不全" },
  citizen_satisfied: { satisfied: true, score: 5 },
  citizen_dissatisfied: { satisfied: false, score: 1 },
  returned_without_reason: { reason: "", withReason: false },
  overdue: { stage: "handle", dueAt: "2025-03-01T00:00:00Z" },
  supervision_received: { orderId: 1 },
  supervision_answered_late: { orderId: 1, onTime: false },
  supervision_escalated: { orderId: 1 },
  recurrence_within_90_days: { daysSinceClosed: 90 },
};
const MISSES: Record<string, Record<string, unknown>> = {
  claimed_on_time: { onTime: false },
  accepted_on_time: { onTime: false },
  accepted_late: { onTime: true },
  co_reported_on_time: { onTime: false },
  resolved_on_time: { onTime: false },
  resolved_late: { onTime: true },
  verified_first_time: { firstTime: false },
  citizen_satisfied: { satisfied: false },
  citizen_dissatisfied: { satisfied: true },
  returned_without_reason: { reason: "不属于本单位职责", withReason: true },
  supervision_answered_late: { onTime: true },
  recurrence_within_90_days: { daysSinceClosed: 91 },
};

async function appendAs(actor: Actor, e: { caseId: number; kind: CaseEventKind; unitId?: number | null; detail?: Record<string, unknown> }) {
  return actAs(h, actor, new Date(), (ctx) => appendCaseEvent(ctx, e));
}

/** A closed case of the judicial office, for recurrences to point at. */
async function closedCase() {
  const prev = await createCase(h.t, { region: `${AWAY}-G01`, unit: "GT-SFS" });
  await appendAs(system, { caseId: prev.id, kind: "closed", unitId: judicialId });
  return prev.id;
}

describe("scoreCaseEvent", () => {
  it("has an example for every rule", () => {
    expect(Object.keys(MEETS).sort()).toEqual(RULES.map((r) => r.code).sort());
  });

  for (const rule of RULES) {
    it(`${rule.code}: scores ${rule.kind} ${rule.points > 0 ? "+" : ""}${rule.points} against the ${rule.subject}, once`, async () => {
      const kase = await createCase(h.t, { region: `${AWAY}-G01`, unit: "GT-LDBZ" });
      const detail = { ...MEETS[rule.code], ...(rule.subject === "previous_unit" ? { previousCaseId: await closedCase() } : {}) };
      const event = { caseId: kase.id, kind: rule.kind, unitId: labourId, detail };
      const eventId = await appendAs(handler, event);
      const expected = rule.subject === "account" ? { unit_id: null, account_id: handlerId } : { unit_id: rule.subject === "previous_unit" ? judicialId : labourId, account_id: null };
      const entries = await query(`SELECT rule_code, points, unit_id, account_id, case_id, source_kind, source_id FROM assessment_entries WHERE source_id = $1 AND rule_code = $2`, [eventId, rule.code]);
      expect(entries).toEqual([{ rule_code: rule.code, points: rule.points, ...expected, case_id: kase.id, source_kind: "case_event", source_id: eventId }]);

      const before = await query(`SELECT count(*)::int AS n FROM assessment_entries`);
      expect(await actAs(h, handler, new Date(), (ctx) => scoreCaseEvent(ctx, { id: eventId, ...event }))).toBe(0);
      expect(await actAs(h, handler, new Date(), (ctx) => scoreStoredEvents(ctx, { caseId: kase.id }))).toBe(0);
      expect(await query(`SELECT count(*)::int AS n FROM assessment_entries`)).toEqual(before);

      if (MISSES[rule.code]) {
        const missId = await appendAs(handler, { ...event, detail: { ...detail, ...MISSES[rule.code] } });
        expect(await query(`SELECT rule_code FROM assessment_entries WHERE source_id = $1 AND rule_code = $2`, [missId, rule.code])).toEqual([]);
      }
    });
  }

  it("charges no one when there is nobody to charge: a posted task's overdue claim, a system actor's person rule", async () => {
    const kase = await createCase(h.t, { region: `${AWAY}-G01` });
    const overdue = await appendAs(system, { caseId: kase.id, kind: "deadline_overdue", unitId: null, detail: { stage: "claim", dueAt: "2025-03-01T00:00:00Z" } });
    const resolved = await appendAs(system, { caseId: kase.id, kind: "resolved", unitId: labourId, detail: { onTime: true } });
    expect(await query(`SELECT rule_code, source_id FROM assessment_entries WHERE source_id = ANY($1) ORDER BY rule_code`, [[overdue, resolved]])).toEqual([{ rule_code: "resolved_on_time", source_id: resolved }]);
  });

  it("rolls back with the event's transaction", async () => {
    const kase = await createCase(h.t, { region: `${AWAY}-G01` });
    await expect(
      actAs(h, handler, new Date(), async (ctx) => {
        await appendCaseEvent(ctx, { caseId: kase.id, kind: "deadline_overdue", unitId: labourId, detail: { stage: "handle" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await query(`SELECT id FROM assessment_entries WHERE case_id = $1`, [kase.id])).toEqual([]);
  });
});
