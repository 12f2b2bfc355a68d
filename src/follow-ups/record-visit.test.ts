import { and, eq, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentEntries } from "../assessment/schema.js";
import { caseParties, cases } from "../cases/schema.js";
import { caseEvents, tasks } from "../tasks/schema.js";
import { routeNewCases } from "../tasks/sweeps.js";
import { AWAY, HOME, staff, type Staff } from "../tasks/test-support/handling-fixture.js";
import { createPerson, createTestApp, unitId, type TestApp } from "../test/app.js";
import { daysBetween } from "./days.js";
import { seedFollowUpRules } from "./seed-rules.js";
import { closeAt, closedCase, DAY, openCase, visitsOf } from "./test-support/fixture.js";

const GRID = `${HOME}-G01`;

describe("recording a follow-up visit", () => {
  let h: TestApp;
  let worker: Staff, centre: Staff, community: Staff, awayWorker: Staff, awayCentre: Staff;
  const post = (s: Staff, url: string, payload: unknown = {}) => h.app.inject({ method: "POST", url, headers: s.session.headers, payload: payload as object });
  const get = (s: Staff, url: string) => h.app.inject({ method: "GET", url, headers: s.session.headers });
  const closedDaysAgo = (n: number) => new Date(Date.now() - n * DAY);

  beforeAll(async () => {
    h = await createTestApp();
    await seedFollowUpRules(h.t.db);
    worker = await staff(h, "grid_worker", GRID, `CC-${HOME}`);
    centre = await staff(h, "street_centre", "330282006", "GT-SZZX");
    community = await staff(h, "unit_handler", HOME, `CC-${HOME}`);
    awayWorker = await staff(h, "grid_worker", `${AWAY}-G01`, `CC-${AWAY}`);
    awayCentre = await staff(h, "unit_handler", AWAY, `CC-${AWAY}`);
  });
  afterAll(() => h.close());

  it("shows the grid worker their visits by tab, and nobody of another community sees them (404)", async () => {
    const kase = await closedCase(h, { region: GRID }, closedDaysAgo(8));
    const [day7, day30] = await visitsOf(h, kase.id);
    const mine = (await get(worker, "/api/follow-ups/mine?when=overdue")).json();
    expect(mine.items.map((v: { id: number }) => v.id)).toContain(day7.id);
    expect(mine.counts.overdue).toBeGreaterThanOrEqual(1);
    const upcoming = (await get(worker, "/api/follow-ups/mine?when=upcoming")).json().items;
    expect(upcoming.map((v: { id: number }) => v.id)).toContain(day30.id);
    const one = (await get(worker, `/api/follow-ups/${day7.id}`)).json();
    expect(one).toMatchObject({ caseId: kase.id, offsetDays: 7, when: "overdue", overdue: true, communityName: expect.any(String), can: { record: true, reassign: false } });
    const staffList = (await get(centre, `/api/follow-ups?regionNodeId=${kase.regionNodeId}`)).json().items;
    expect(staffList.map((v: { id: number }) => v.id)).toEqual(expect.arrayContaining([day7.id, day30.id]));
    expect((await get(centre, `/api/follow-ups/${day7.id}`)).json().can).toEqual({ record: true, reassign: true });

    for (const other of [awayWorker, awayCentre]) {
      expect((await get(other, `/api/follow-ups/${day7.id}`)).statusCode).toBe(404);
      expect((await post(other, `/api/follow-ups/${day7.id}/record`, { contact: "phone", partiesState: "双方和好", satisfaction: 5, settled: true })).statusCode).toBe(404);
      expect((await get(other, "/api/follow-ups")).json().items.map((v: { id: number }) => v.id)).not.toContain(day7.id);
      expect((await get(other, `/api/cases/${kase.id}/follow-ups`)).statusCode).toBe(404);
    }
    // Someone in scope who is not the assignee may not record it.
    expect((await post(community, `/api/follow-ups/${day7.id}/record`, { contact: "phone", partiesState: "双方和好", satisfaction: 5, settled: true })).statusCode).toBe(403);
  });

  it("records a settled visit: done, and the citizen's satisfaction scored for the unit that closed the case", async () => {
    const kase = await closedCase(h, { region: GRID }, closedDaysAgo(7));
    const [day7, day30] = await visitsOf(h, kase.id);
    const incomplete = await post(worker, `/api/follow-ups/${day7.id}/record`, { contact: "home_visit", partiesState: "双方已和好" });
    expect(incomplete.statusCode).toBe(400);
    const res = await post(worker, `/api/follow-ups/${day7.id}/record`, { contact: "home_visit", partiesState: "双方已和好，漏水已修复", satisfaction: 5, settled: true, note: "上门查看" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "done", outcome: "settled", satisfaction: 5, settled: true, when: "done", can: { record: false } });
    expect((await post(worker, `/api/follow-ups/${day7.id}/record`, { contact: "phone", partiesState: "再次", satisfaction: 4, settled: true })).statusCode).toBe(409);
    const [sat] = await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, kase.id), eq(caseEvents.kind, "satisfaction_recorded")));
    expect(sat.detail).toMatchObject({ satisfied: true, score: 5 });
    const lead = await unitId(h.t, `CC-${HOME}`);
    const entries = await h.t.db.select().from(assessmentEntries).where(and(eq(assessmentEntries.caseId, kase.id), eq(assessmentEntries.ruleCode, "citizen_satisfied")));
    expect(entries.map((e) => e.unitId)).toEqual([lead]);
    // The closure's later visit still stands.
    expect((await visitsOf(h, kase.id)).find((v) => v.id === day30.id)?.status).toBe("due");
    const [c] = await h.t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(c.status).toBe("closed");
  });

  it("reopens a case not settled: open again, its later visits cancelled, and the routing sweep sends it out again", async () => {
    const kase = await closedCase(h, { region: GRID }, closedDaysAgo(7));
    const [day7, day30] = await visitsOf(h, kase.id);
    const res = await post(worker, `/api/follow-ups/${day7.id}/record`, { contact: "phone", partiesState: "楼上仍在漏水，双方又起争执", satisfaction: 2, settled: false, notSettled: "reopen" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: "reopened", settled: false, caseStatus: "open" });
    const [c] = await h.t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(c).toMatchObject({ status: "open", closedAt: null, handlingLevel: null });
    expect((await visitsOf(h, kase.id)).find((v) => v.id === day30.id)?.status).toBe("cancelled");
    const kinds = (await h.t.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["reopened", "follow_up_done", "satisfaction_recorded"]));

    expect(await routeNewCases({ db: h.t.db, cipher: h.t.cipher })).toBeGreaterThanOrEqual(1);
    const [routed] = await h.t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(routed.handlingLevel).not.toBeNull();
    const open = await h.t.db.select().from(tasks).where(and(eq(tasks.caseId, kase.id), eq(tasks.role, "lead"), notInArray(tasks.state, ["closed", "returned"])));
    expect(open).toHaveLength(1);

    // Closed again later, it gets visits of its own for the new closure.
    await h.t.db.update(tasks).set({ state: "closed" }).where(eq(tasks.id, open[0].id));
    await closeAt(h, kase.id, `CC-${HOME}`, new Date());
    const all = await visitsOf(h, kase.id);
    expect(all.filter((v) => v.status === "due").map((v) => v.offsetDays)).toEqual([7, 30]);
  });

  it("opens a linked recurrence for a flare-up: same place, type and parties, the old case stays closed", async () => {
    const a = await createPerson(h.t, { name: "张三" });
    const b = await createPerson(h.t, { name: "李四" });
    const kase = await openCase(h, { region: GRID, category: "LL", title: "楼道堆物纠纷" });
    for (const [i, p] of [a, b].entries()) await h.t.db.insert(caseParties).values({ caseId: kase.id, personId: p.id, role: i === 0 ? "applicant" : "respondent" });
    await closeAt(h, kase.id, `CC-${HOME}`, closedDaysAgo(7));
    const [day7, day30] = await visitsOf(h, kase.id);
    const res = await post(centre, `/api/follow-ups/${day7.id}/record`, { contact: "home_visit", partiesState: "又因堆物发生口角", satisfaction: 3, settled: false, notSettled: "recurrence" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ outcome: "recurrence", recurrenceCaseId: expect.any(Number), recurrenceCaseCode: expect.any(String) });
    const [fresh] = await h.t.db.select().from(cases).where(eq(cases.id, body.recurrenceCaseId));
    expect(fresh).toMatchObject({ title: "复发：楼道堆物纠纷", recurrenceOfId: kase.id, rootCaseId: kase.id, regionNodeId: kase.regionNodeId, category: "LL", status: "open" });
    const parties = await h.t.db.select().from(caseParties).where(eq(caseParties.caseId, fresh.id));
    expect(parties.map((p) => p.personId).sort()).toEqual([a.id, b.id].sort());
    const [ev] = await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, fresh.id), eq(caseEvents.kind, "recurrence")));
    expect(ev.detail).toMatchObject({ previousCaseId: kase.id, daysSinceClosed: 7 });
    const [old] = await h.t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(old.status).toBe("closed");
    expect((await visitsOf(h, kase.id)).find((v) => v.id === day30.id)?.status).toBe("cancelled");
    // The recurrence is a new case waiting to be routed.
    expect(fresh.handlingLevel).toBeNull();
  });

  it("schedules a retry three days on when nobody could be reached", async () => {
    const closedAt = closedDaysAgo(7);
    const kase = await closedCase(h, { region: GRID }, closedAt);
    const [day7] = await visitsOf(h, kase.id);
    const res = await post(worker, `/api/follow-ups/${day7.id}/record`, { contact: "unreachable", note: "电话无人接听" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: "unreachable", satisfaction: null, settled: null });
    const retry = (await visitsOf(h, kase.id)).find((v) => v.id !== day7.id && v.offsetDays !== 30);
    expect(retry).toMatchObject({ status: "due", offsetDays: daysBetween(closedAt, new Date()) + 3, assigneeAccountId: worker.id });
    expect((await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, kase.id), eq(caseEvents.kind, "satisfaction_recorded"))))).toHaveLength(0);
  });

  it("lets the street centre reassign a visit to another grid worker, who then records it", async () => {
    const kase = await closedCase(h, { region: GRID }, closedDaysAgo(7));
    const [day7] = await visitsOf(h, kase.id);
    const other = await staff(h, "grid_worker", GRID, `CC-${HOME}`);
    expect((await post(worker, `/api/follow-ups/${day7.id}/reassign`, { accountId: other.id })).statusCode).toBe(403);
    expect((await post(centre, `/api/follow-ups/${day7.id}/reassign`, { accountId: awayWorker.id })).statusCode).toBe(400);
    const res = await post(centre, `/api/follow-ups/${day7.id}/reassign`, { accountId: other.id, note: "原网格员休假" });
    expect(res.json()).toMatchObject({ assigneeAccountId: other.id, assigneeKind: "grid_worker" });
    expect((await post(worker, `/api/follow-ups/${day7.id}/record`, { contact: "phone", partiesState: "良好", satisfaction: 4, settled: true })).statusCode).toBe(403);
    expect((await post(other, `/api/follow-ups/${day7.id}/record`, { contact: "phone", partiesState: "良好", satisfaction: 4, settled: true })).statusCode).toBe(200);
  });
});
