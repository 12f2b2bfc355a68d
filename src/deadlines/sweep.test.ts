import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../cases/schema.js";
import { createDb, closeDb } from "../db/client.js";
import { notifications } from "../notifications/schema.js";
import { supervisionOrders } from "../supervision/schema.js";
import { caseEvents, tasks } from "../tasks/schema.js";
import { createAccount, createCase, createTestApp, unitId, type TestApp } from "../test/app.js";
import { units } from "../units/schema.js";
import { deadlineAlerts, taskDeadlines } from "./schema.js";
import { sweepDeadlines } from "./sweep.js";
import { createTaskWithDeadline, tiersEndingAt } from "./test-support/fixtures.js";

const COMMUNITY = "330282006004";
const MIN = 60_000;

describe("deadlineSweep", () => {
  let h: TestApp;
  let unit: number;
  const services = () => ({ db: h.t.db, cipher: h.t.cipher });
  const events = async (caseId: number, kind: string) =>
    (await h.t.db.select({ n: count() }).from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, kind))))[0].n;
  const notices = async (kind: string, taskId: number) =>
    (await h.t.db.select({ n: count() }).from(notifications).where(and(eq(notifications.kind, kind), eq(notifications.taskId, taskId))))[0].n;

  beforeAll(async () => {
    h = await createTestApp();
    unit = await unitId(h.t, `CC-${COMMUNITY}`);
    await createAccount(h.t, "unit_handler", COMMUNITY, `CC-${COMMUNITY}`);
    await createAccount(h.t, "unit_leader", COMMUNITY, `CC-${COMMUNITY}`);
  });
  afterAll(() => h.close());

  async function newCase(title = "楼上漏水") {
    const c = await createCase(h.t, { region: `${COMMUNITY}-G01`, unit: `CC-${COMMUNITY}`, title });
    await h.t.db.update(cases).set({ category: "LL" }).where(eq(cases.id, c.id));
    return c;
  }

  it("fires each tier once however often it runs: reminder, supervision order, escalation", async () => {
    const due = new Date("2026-03-10T02:00:00Z");
    const c = await newCase();
    const { taskId, deadlineId } = await createTaskWithDeadline(h.t.db, { caseId: c.id, unitId: unit, ...tiersEndingAt(due) });

    for (let i = 0; i < 3; i++) await sweepDeadlines(services(), new Date(due.getTime() - 90 * MIN));
    expect(await events(c.id, "deadline_yellow")).toBe(1);
    expect(await notices("deadline_yellow", taskId)).toBe(2); // the unit's handler and leader
    expect(await events(c.id, "deadline_red")).toBe(0);

    for (let i = 0; i < 3; i++) await sweepDeadlines(services(), new Date(due.getTime() - 30 * MIN));
    expect(await events(c.id, "deadline_red")).toBe(1);
    const orders = await h.t.db.select().from(supervisionOrders).where(eq(supervisionOrders.taskId, taskId));
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ source: "deadline", unitId: unit, dueAt: due });
    expect(orders[0].demand).toContain("即将超期，请于");

    const results = [];
    for (let i = 0; i < 3; i++) results.push(await sweepDeadlines(services(), new Date(due.getTime() + MIN)));
    expect(results.map((r) => r.fired)).toEqual([1, 0, 0]);
    expect(results.every((r) => r.failed.length === 0)).toBe(true);
    expect(await events(c.id, "deadline_overdue")).toBe(1);
    expect(await notices("deadline_overdue", taskId)).toBe(1); // the leader only
    expect(await events(c.id, "escalated")).toBe(1);
    const [kase] = await h.t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(kase.handlingLevel).toBe("street");
    const [old] = await h.t.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(old.state).toBe("returned");
    const [td] = await h.t.db.select().from(taskDeadlines).where(eq(taskDeadlines.id, deadlineId));
    expect(td.doneAt).not.toBeNull();
    expect(await h.t.db.select().from(deadlineAlerts).where(eq(deadlineAlerts.taskId, taskId))).toHaveLength(3);
  });

  it("an ended stage fires nothing; an extension moves the due time and re-arms the tiers", async () => {
    const due = new Date("2026-03-11T02:00:00Z");
    const ended = await createTaskWithDeadline(h.t.db, { caseId: (await newCase()).id, unitId: unit, ...tiersEndingAt(due) });
    await h.t.db.update(taskDeadlines).set({ doneAt: new Date(due.getTime() - 3 * 3_600_000) }).where(eq(taskDeadlines.id, ended.deadlineId));
    const c = await newCase();
    const moved = await createTaskWithDeadline(h.t.db, { caseId: c.id, unitId: unit, stage: "accept", ...tiersEndingAt(due) });
    await sweepDeadlines(services(), new Date(due.getTime() - 90 * MIN));
    expect(await h.t.db.select().from(deadlineAlerts).where(eq(deadlineAlerts.taskId, ended.taskId))).toHaveLength(0);
    expect(await events(c.id, "deadline_yellow")).toBe(1);
    // Approved extension: the same stage, a new due time.
    const later = new Date(due.getTime() + 24 * 3_600_000);
    await h.t.db.update(taskDeadlines).set(tiersEndingAt(later)).where(eq(taskDeadlines.id, moved.deadlineId));
    await sweepDeadlines(services(), new Date(due.getTime() + MIN));
    expect(await events(c.id, "deadline_overdue")).toBe(0);
    await sweepDeadlines(services(), new Date(later.getTime() + MIN));
    expect(await events(c.id, "deadline_yellow")).toBe(2);
    expect(await events(c.id, "deadline_overdue")).toBe(1);
    expect(await events(c.id, "escalated")).toBe(0); // an overdue accept stage goes to the leader, not up a level
  });

  it("two sweeps at once, on two pools, fire every alert once", async () => {
    const due = new Date("2026-03-12T02:00:00Z");
    const ids: number[] = [];
    for (let i = 0; i < 15; i++) {
      const c = await newCase(`并发 ${i}`);
      ids.push((await createTaskWithDeadline(h.t.db, { caseId: c.id, unitId: unit, stage: i % 2 ? "accept" : "verify", state: i % 2 ? "assigned" : "resolved", ...tiersEndingAt(due) })).taskId);
    }
    const other = createDb(h.t.url, 5);
    try {
      const now = new Date(due.getTime() + MIN);
      const [a, b] = await Promise.all([sweepDeadlines({ db: h.t.db, cipher: h.t.cipher }, now), sweepDeadlines({ db: other, cipher: h.t.cipher }, now)]);
      expect(a.failed).toEqual([]);
      expect(b.failed).toEqual([]);
      expect(a.fired + b.fired).toBe(45);
    } finally {
      await closeDb(other);
    }
    const inIds = sql`task_id IN ${sql.raw(`(${ids.join(",")})`)}`;
    expect((await h.t.db.select({ n: count() }).from(deadlineAlerts).where(inIds))[0].n).toBe(45);
    const perKind = await h.t.db.execute<{ kind: string; n: number }>(sql`SELECT kind, count(*)::int AS n FROM case_events WHERE ${inIds} AND kind LIKE 'deadline_%' GROUP BY kind ORDER BY kind`);
    expect(perKind.rows).toEqual([
      { kind: "deadline_overdue", n: 15 },
      { kind: "deadline_red", n: 15 },
      { kind: "deadline_yellow", n: 15 },
    ]);
    // Red on the unit's accept stage is a supervision order; the street centre's verify stage is its own.
    expect((await h.t.db.select({ n: count() }).from(supervisionOrders).where(inIds))[0].n).toBe(7);
  });

  it("a failing alert rolls back alone and fires at the next sweep", async () => {
    const due = new Date("2026-03-13T02:00:00Z");
    const c = await newCase();
    const { taskId } = await createTaskWithDeadline(h.t.db, { caseId: c.id, unitId: unit, stage: "accept", ...tiersEndingAt(due) });
    // A supervision order cannot go to an inactive unit: the red alert fails.
    await h.t.db.update(units).set({ active: false }).where(eq(units.id, unit));
    const first = await sweepDeadlines(services(), new Date(due.getTime() - 30 * MIN));
    await h.t.db.update(units).set({ active: true }).where(eq(units.id, unit));
    expect(first.failed.map((f) => [f.taskId, f.tier])).toEqual([[taskId, "red"]]);
    expect((await h.t.db.select().from(deadlineAlerts).where(eq(deadlineAlerts.taskId, taskId))).map((a) => a.tier)).toEqual(["yellow"]);
    expect(await events(c.id, "deadline_red")).toBe(0);
    const second = await sweepDeadlines(services(), new Date(due.getTime() - 30 * MIN));
    expect(second.failed).toEqual([]);
    expect(await events(c.id, "deadline_red")).toBe(1);
    expect(await events(c.id, "deadline_yellow")).toBe(1);
  });
});
