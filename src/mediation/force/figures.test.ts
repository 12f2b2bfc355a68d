import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../../cases/schema.js";
import { caseEvents } from "../../tasks/schema.js";
import { createCase, type TestApp } from "../../test/app.js";
import { agreements, mediators } from "../schema.js";
import { mediatorFigures } from "./figures.js";
import { listPublicMediators } from "./list-mediators.js";
import { addTeam, createMediatorTestApp } from "./test-support.js";

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 2));

describe("mediatorFigures", () => {
  let h: TestApp;
  const ids = { a: 0, b: 0, c: 0 };

  beforeAll(async () => {
    h = await createMediatorTestApp();
    const db = h.t.db;
    const [a, b, c] = await db
      .insert(mediators)
      .values([{ name: "甲调解员", kind: "professional" }, { name: "乙调解员", kind: "cadre" }, { name: "丙调解员", kind: "volunteer" }])
      .returning();
    Object.assign(ids, { a: a.id, b: b.id, c: c.id });
    const event = (caseId: number, kind: string, at: Date, detail: Record<string, unknown> = {}) =>
      db.insert(caseEvents).values({ caseId, kind, at, detail, actorLabel: "test" });
    const setCase = (id: number, v: Partial<typeof cases.$inferInsert>) => db.update(cases).set(v).where(eq(cases.id, id));

    // 1: an earlier team (A alone, day -2) released, then A+B from day 0; resolved on day 10; the citizen not satisfied.
    const c1 = await createCase(h.t, { region: "330282006001" });
    await addTeam(h.t, c1.id, [a.id], day(-2), "released");
    await addTeam(h.t, c1.id, [a.id, b.id], day(0));
    await setCase(c1.id, { status: "resolved" });
    await event(c1.id, "resolved", day(10));
    await event(c1.id, "satisfaction_recorded", day(12), { satisfied: false, score: 2 });
    await event(c1.id, "satisfaction_recorded", day(-5), { satisfied: true }); // before any team: not theirs

    // 2: A's active team; agreement signed; case still in progress (counts as success and as load).
    const c2 = await createCase(h.t, { region: "330282006002" });
    await addTeam(h.t, c2.id, [a.id], day(0));
    await setCase(c2.id, { status: "in_progress" });
    await db.insert(agreements).values({ caseId: c2.id, number: "TJ-T-1", facts: "事实", terms: "条款", createdByLabel: "test", status: "signed", signedAt: day(4) });
    // A draft agreement elsewhere is no success.
    const c4 = await createCase(h.t, { region: "330282006002" });
    await addTeam(h.t, c4.id, [a.id], day(1), "released");
    await db.insert(agreements).values({ caseId: c4.id, number: "TJ-T-2", facts: "事实", terms: "条款", createdByLabel: "test" });

    // 3: A from day 5; closed on day 20 with no events (closed_at counts); satisfied.
    const c3 = await createCase(h.t, { region: "330282006003" });
    await addTeam(h.t, c3.id, [a.id], day(5));
    await setCase(c3.id, { status: "closed", closedAt: day(20) });
    await event(c3.id, "satisfaction_recorded", day(21), { satisfied: true, score: 5 });

    // 5: closed before A's team was formed: handled, not a success.
    const c5 = await createCase(h.t, { region: "330282006003" });
    await setCase(c5.id, { status: "closed", closedAt: day(2) });
    await addTeam(h.t, c5.id, [a.id], day(3));
  });
  afterAll(() => h.close());

  it("counts cases handled once per case, successes, average days, satisfaction and load", async () => {
    const figures = await mediatorFigures(h.t.db, [ids.a, ids.b, ids.c]);
    expect(figures.get(ids.a)).toEqual({
      handled: 5,
      succeeded: 3,
      successRate: 0.6,
      averageDays: 13.5, // case 1: day -2 → day 10; case 3: day 5 → day 20
      satisfaction: 0.5,
      satisfactionCount: 2,
      currentLoad: 1,
    });
    expect(figures.get(ids.b)).toEqual({ handled: 1, succeeded: 1, successRate: 1, averageDays: 10, satisfaction: 0, satisfactionCount: 1, currentLoad: 0 });
    expect(figures.get(ids.c)).toEqual({ handled: 0, succeeded: 0, successRate: null, averageDays: null, satisfaction: null, satisfactionCount: 0, currentLoad: 0 });
  });

  it("gives the directory list the same figures in one statement, sortable by them", async () => {
    const { items } = await listPublicMediators(h.t.db, { sort: "handled" }, new Date());
    expect(items.map((m) => m.id)).toEqual([ids.a, ids.b, ids.c]);
    expect(items[0].figures.successRate).toBe(0.6);
    const bySuccess = await listPublicMediators(h.t.db, { sort: "successRate" }, new Date());
    expect(bySuccess.items.map((m) => m.id)).toEqual([ids.b, ids.a, ids.c]);
  });
});
