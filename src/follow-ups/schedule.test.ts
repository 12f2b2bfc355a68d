import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema.js";
import { notifications } from "../notifications/schema.js";
import { caseEvents } from "../tasks/schema.js";
import { asSystem, AWAY, HOME, staff, type Staff } from "../tasks/test-support/handling-fixture.js";
import { createAccount, createTestApp, unitId, type TestApp } from "../test/app.js";
import { scheduleFollowUps } from "./schedule.js";
import { followUpRules } from "./schema.js";
import { seedFollowUpRules } from "./seed-rules.js";
import { sweepOverdueVisits } from "./sweeps.js";
import { closeAt, closedCase, closedWithColour, mediatorTeam, openCase, visitsOf } from "./test-support/fixture.js";

const GRID = `${HOME}-G01`;
const MICRO = `${HOME}-G01-W02`;
const EMPTY_GRID = `${HOME}-G02`; // no grid worker there

describe("scheduleFollowUps on closing a case", () => {
  let h: TestApp;
  let gridWorker: { id: number };
  let centre: Staff, gridStaff: Staff, away: Staff;
  const closed = new Date("2026-03-02T15:30:00+08:00");

  beforeAll(async () => {
    h = await createTestApp();
    expect(await seedFollowUpRules(h.t.db)).toBeGreaterThan(0);
    expect(await seedFollowUpRules(h.t.db)).toBe(0); // only when empty
    gridWorker = await createAccount(h.t, "grid_worker", GRID, `CC-${HOME}`);
    centre = await staff(h, "street_centre", "330282006", "GT-SZZX");
    gridStaff = await staff(h, "grid_worker", `${HOME}-G03`, `CC-${HOME}`);
    away = await staff(h, "street_centre", AWAY, `CC-${AWAY}`);
  });
  afterAll(() => h.close());

  it("schedules day 7 and day 30 at 10:00 Beijing for an ordinary case, for the grid worker of its grid, who is told", async () => {
    const kase = await closedCase(h, { region: GRID }, closed);
    const visits = await visitsOf(h, kase.id);
    expect(visits.map((v) => v.offsetDays)).toEqual([7, 30]);
    expect(visits[0].dueAt.toISOString()).toBe(new Date("2026-03-09T10:00:00+08:00").toISOString());
    expect(visits.every((v) => v.closedAt.getTime() === closed.getTime() && v.status === "due")).toBe(true);
    expect(visits.every((v) => v.assigneeKind === "grid_worker" && v.assigneeAccountId === gridWorker.id)).toBe(true);
    const [event] = await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, kase.id), eq(caseEvents.kind, "follow_up_scheduled")));
    expect(event.detail).toMatchObject({ visitIds: visits.map((v) => v.id), offsets: [7, 30] });
    const told = await h.t.db.select().from(notifications).where(and(eq(notifications.accountId, gridWorker.id), eq(notifications.caseId, kase.id)));
    expect(told.filter((n) => n.kind === "follow_up_scheduled")).toHaveLength(1);
  });

  it("visits red cases more and sooner than yellow, and yellow sooner than green", async () => {
    const red = await closedWithColour(h, { region: GRID, risk: "red" }, closed);
    const yellow = await closedWithColour(h, { region: GRID, risk: "yellow" }, closed);
    const green = await closedWithColour(h, { region: GRID, risk: "green" }, closed);
    expect((await visitsOf(h, red.id)).map((v) => v.offsetDays)).toEqual([1, 7, 15, 30, 60]);
    expect((await visitsOf(h, yellow.id)).map((v) => v.offsetDays)).toEqual([3, 15, 30]);
    expect((await visitsOf(h, green.id)).map((v) => v.offsetDays)).toEqual([7, 30]);
    // Day 1 of a case closed in the afternoon is the next calendar day in Beijing.
    expect((await visitsOf(h, red.id))[0].dueAt.toISOString()).toBe(new Date("2026-03-03T10:00:00+08:00").toISOString());
  });

  it("lets a type rule win over the default, and type+colour over colour alone", async () => {
    const family = await closedWithColour(h, { region: GRID, category: "HY", risk: "green" }, closed);
    const redLabour = await closedWithColour(h, { region: GRID, category: "LD", risk: "red" }, closed);
    expect((await visitsOf(h, family.id)).map((v) => v.offsetDays)).toEqual([7, 30, 90]);
    expect((await visitsOf(h, redLabour.id)).map((v) => v.offsetDays)).toEqual([1, 7, 15, 30, 60, 90]);
  });

  it("gives a micro-grid's case to the grid worker of its grid, a mediated case to its mediator, and otherwise the lead unit", async () => {
    const micro = await closedCase(h, { region: MICRO }, closed);
    expect((await visitsOf(h, micro.id))[0]).toMatchObject({ assigneeKind: "grid_worker", assigneeAccountId: gridWorker.id });

    const mediatorAccount = await createAccount(h.t, "mediator", "330282006", "MS-HXH");
    const mediated = await openCase(h, { region: GRID });
    await mediatorTeam(h, mediated.id, mediatorAccount.id);
    await closeAt(h, mediated.id, `CC-${HOME}`, closed);
    expect((await visitsOf(h, mediated.id))[0]).toMatchObject({ assigneeKind: "mediator", assigneeAccountId: mediatorAccount.id });

    const nobody = await closedCase(h, { region: EMPTY_GRID }, closed);
    expect((await visitsOf(h, nobody.id))[0]).toMatchObject({ assigneeKind: "unit", assigneeAccountId: null, unitId: await unitId(h.t, `CC-${HOME}`) });
  });

  it("schedules a closure once, whoever asks again", async () => {
    const kase = await closedCase(h, { region: GRID }, closed);
    const again = await asSystem(h, (ctx) => scheduleFollowUps(ctx, kase.id));
    expect(again.visitIds).toEqual([]);
    expect(await visitsOf(h, kase.id)).toHaveLength(2);
  });

  it("warns of a visit left undone past its day once: the assignee, the unit's leaders, the street centre, the timeline", async () => {
    const kase = await closedCase(h, { region: GRID }, closed);
    const leader = await createAccount(h.t, "unit_leader", HOME, `CC-${HOME}`);
    const [day7] = await visitsOf(h, kase.id);
    const services = { db: h.t.db, cipher: h.t.cipher };
    // Still due on its own day: no warning yet.
    await sweepOverdueVisits(services, new Date("2026-03-09T23:30:00+08:00"));
    expect((await visitsOf(h, kase.id))[0].overdueAlertedAt).toBeNull();
    const nextDay = new Date("2026-03-10T00:05:00+08:00");
    expect((await sweepOverdueVisits(services, nextDay)).alerted).toBeGreaterThan(0);
    expect((await sweepOverdueVisits(services, nextDay)).alerted).toBe(0);
    const [after] = await visitsOf(h, kase.id);
    expect(after.overdueAlertedAt?.getTime()).toBe(nextDay.getTime());
    const events = await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, kase.id), eq(caseEvents.kind, "follow_up_overdue")));
    expect(events).toHaveLength(1);
    expect(events[0].detail).toMatchObject({ visitId: day7.id });
    const kinds = async (accountId: number) =>
      (await h.t.db.select().from(notifications).where(and(eq(notifications.accountId, accountId), eq(notifications.caseId, kase.id)))).map((n) => n.kind);
    expect(await kinds(gridWorker.id)).toContain("follow_up_overdue");
    expect(await kinds(leader.id)).toEqual(["follow_up_overdue_leader"]);
    expect(await kinds(centre.id)).toEqual(["follow_up_overdue"]);
  });

  it("lets the street centre edit the rules (audited), and nobody else", async () => {
    const rules = await h.app.inject({ method: "GET", url: "/api/follow-up-rules", headers: centre.session.headers });
    expect(rules.statusCode).toBe(200);
    const def = rules.json().items.find((r: { category: string | null; riskLevel: string | null }) => r.category == null && r.riskLevel == null);
    expect(def.offsetsDays).toEqual([7, 30]);
    expect((await h.app.inject({ method: "GET", url: "/api/follow-up-rules", headers: gridStaff.session.headers })).statusCode).toBe(403);
    expect((await h.app.inject({ method: "PATCH", url: `/api/follow-up-rules/${def.id}`, headers: gridStaff.session.headers, payload: { offsetsDays: [5] } })).statusCode).toBe(403);

    const edited = await h.app.inject({ method: "PATCH", url: `/api/follow-up-rules/${def.id}`, headers: centre.session.headers, payload: { offsetsDays: [14, 5] } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().offsetsDays).toEqual([5, 14]);
    const wl = await h.app.inject({ method: "POST", url: "/api/follow-up-rules", headers: centre.session.headers, payload: { category: "WY", riskLevel: null, offsetsDays: [10] } });
    expect(wl.statusCode).toBe(200);
    const twice = await h.app.inject({ method: "POST", url: "/api/follow-up-rules", headers: centre.session.headers, payload: { category: "WY", riskLevel: null, offsetsDays: [11] } });
    expect(twice.statusCode).toBe(409);
    // The street-level account of another community may still read the rules: they are the street's, not a place's.
    expect((await h.app.inject({ method: "GET", url: "/api/follow-up-rules", headers: away.session.headers })).statusCode).toBe(200);

    expect((await visitsOf(h, (await closedCase(h, { region: GRID }, closed)).id)).map((v) => v.offsetDays)).toEqual([5, 14]);
    expect((await visitsOf(h, (await closedCase(h, { region: GRID, category: "WY" }, closed)).id)).map((v) => v.offsetDays)).toEqual([10]);
    const audited = await h.t.db.select().from(auditEvents).where(eq(auditEvents.subjectType, "follow_up_rule"));
    expect(audited.map((a) => a.action).sort()).toEqual(["follow_up_rule.create", "follow_up_rule.update"]);
    await h.t.db.update(followUpRules).set({ offsetsDays: [7, 30] }).where(eq(followUpRules.id, def.id));
  });
});
