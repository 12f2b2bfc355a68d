import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../../cases/schema.js";
import { notifications } from "../../notifications/schema.js";
import { caseEvents } from "../../tasks/schema.js";
import { createAccount, login, type TestApp } from "../../test/app.js";
import { asSystem, AWAY, createMediationTestApp, HOME, mediationCase, staff, type Staff } from "../funnel/mediation-fixture.js";
import { mediationSessions, mediators } from "../schema.js";
import { remindSessions, sessionReminderSweep } from "./reminders.js";
import { sweepOnce } from "../../jobs/boss.js";

describe("mediation sessions", () => {
  let h: TestApp;
  let community: Staff, away: Staff, mediator: Staff;
  const post = (s: Staff, url: string, payload: unknown = {}) => h.app.inject({ method: "POST", url, headers: s.session.headers, payload: payload as object });
  const patch = (s: Staff, url: string, payload: unknown) => h.app.inject({ method: "PATCH", url, headers: s.session.headers, payload: payload as object });
  const get = (s: Staff, url: string) => h.app.inject({ method: "GET", url, headers: s.session.headers });

  beforeAll(async () => {
    h = await createMediationTestApp();
    community = await staff(h, "unit_handler", HOME, `CC-${HOME}`);
    away = await staff(h, "unit_handler", AWAY, `CC-${AWAY}`);
    const m = await createAccount(h.t, "mediator", HOME);
    mediator = { id: m.id, session: await login(h.app, m.username) };
  });
  afterAll(() => h.close());

  it("schedules with the team and the parties, records attendance, the record and the outcome", async () => {
    const k = await mediationCase(h);
    const scheduled = await post(community, `/api/cases/${k.case.id}/sessions`, { scheduledAt: "2026-04-02T09:00:00+08:00", place: "团圈社区调解室", others: ["王某之子"] });
    expect(scheduled.statusCode).toBe(200);
    const s = scheduled.json();
    expect(s.participants.map((p: { kind: string; name: string }) => `${p.kind}:${p.name}`)).toEqual([
      `mediator:${k.lead.name}`, `mediator:${k.member.name}`, `party:${k.applicant.name}`, `party:${k.respondent.name}`, "other:王某之子",
    ]);
    // Scheduling brings the case into the mediation stage.
    expect((await h.t.db.select().from(cases).where(eq(cases.id, k.case.id)))[0].mediationStage).toBe("mediation");

    const second = await post(community, `/api/cases/${k.case.id}/sessions`, { scheduledAt: "2026-04-09T09:00:00+08:00", online: true, place: "线上调解室", partyPersonIds: [k.applicant.id] });
    expect(second.json().participants.filter((p: { kind: string }) => p.kind === "party")).toHaveLength(1);
    expect((await post(community, `/api/cases/${k.case.id}/sessions`, { scheduledAt: "2026-04-09T09:00:00+08:00", partyPersonIds: [999999] })).statusCode).toBe(400);

    expect((await post(community, `/api/sessions/${s.id}/record`, { attended: [true], record: "x", outcome: "partial" })).statusCode).toBe(400);
    const recorded = await post(community, `/api/sessions/${s.id}/record`, { attended: [true, false, true, true, false], record: "双方陈述意见，同意重新测量边界。", outcome: "partial" });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ status: "held", outcome: "partial", record: "双方陈述意见，同意重新测量边界。" });
    expect(recorded.json().participants.map((p: { attended: boolean }) => p.attended)).toEqual([true, false, true, true, false]);
    expect((await patch(community, `/api/sessions/${s.id}`, { place: "别处" })).json().error.code).toBe("SESSION_STATE");

    // Cancelling needs a reason; a cancelled session cannot be recorded.
    expect((await patch(community, `/api/sessions/${second.json().id}`, { status: "cancelled" })).statusCode).toBe(400);
    expect((await patch(community, `/api/sessions/${second.json().id}`, { status: "cancelled", reason: "申请人临时住院" })).json().status).toBe("cancelled");
    expect((await post(community, `/api/sessions/${second.json().id}/record`, { attended: [true, true, true], record: "x", outcome: "agreement" })).json().error.code).toBe("SESSION_STATE");

    const list = (await get(community, `/api/cases/${k.case.id}/sessions`)).json().items;
    expect(list.map((x: { status: string }) => x.status)).toEqual(["held", "cancelled"]);
    const kinds = (await h.t.db.select().from(caseEvents).where(eq(caseEvents.caseId, k.case.id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["session_scheduled", "session_held", "session_cancelled", "stage_changed"]));
  });

  it("reminds each session once, the day before, to its mediators with accounts and the lead unit", async () => {
    const k = await mediationCase(h, { mediatorAccountId: mediator.id });
    const now = new Date("2026-05-10T10:00:00+08:00");
    const tomorrow = await post(community, `/api/cases/${k.case.id}/sessions`, { scheduledAt: "2026-05-11T09:00:00+08:00", place: "团圈社区调解室" });
    const later = await post(community, `/api/cases/${k.case.id}/sessions`, { scheduledAt: "2026-05-20T09:00:00+08:00", place: "团圈社区调解室" });
    const reminders = () => h.t.db.select().from(notifications).where(and(eq(notifications.kind, "session_reminder"), eq(notifications.caseId, k.case.id)));

    expect(await asSystem(h, remindSessions, now)).toBeGreaterThanOrEqual(1);
    const mine = (await reminders()).filter((r) => r.accountId === mediator.id);
    expect(mine).toHaveLength(1);
    expect((await reminders()).some((r) => r.accountId === community.id)).toBe(true);
    await asSystem(h, remindSessions, now);
    await sweepOnce({ db: h.t.db, cipher: h.t.cipher }, sessionReminderSweep, new Date(now.getTime() + 3600_000));
    expect((await reminders()).filter((r) => r.accountId === mediator.id)).toHaveLength(1);
    const [row] = await h.t.db.select().from(mediationSessions).where(eq(mediationSessions.id, later.json().id));
    expect(row.remindedAt).toBeNull();

    // Moved to another day: reminded again before the new time.
    await patch(community, `/api/sessions/${tomorrow.json().id}`, { scheduledAt: "2026-05-15T09:00:00+08:00" });
    await asSystem(h, remindSessions, new Date("2026-05-14T12:00:00+08:00"));
    expect((await reminders()).filter((r) => r.accountId === mediator.id)).toHaveLength(2);
  });

  it("shows a mediator their own schedule and hides sessions outside scope", async () => {
    const k = await mediationCase(h, { mediatorAccountId: undefined });
    const mine = await mediationCase(h);
    await h.t.db.update(mediators).set({ accountId: null }).where(eq(mediators.accountId, mediator.id));
    await h.t.db.update(mediators).set({ accountId: mediator.id }).where(eq(mediators.id, mine.lead.id));
    const other = await post(community, `/api/cases/${k.case.id}/sessions`, { scheduledAt: "2026-06-01T09:00:00+08:00" });
    const own = await post(community, `/api/cases/${mine.case.id}/sessions`, { scheduledAt: "2026-06-02T09:00:00+08:00" });
    const schedule = (await get(mediator, "/api/mediation/my-sessions?from=2026-01-01T00:00:00%2B08:00")).json().items.map((s: { id: number }) => s.id);
    expect(schedule).toContain(own.json().id);
    expect(schedule).not.toContain(other.json().id);

    expect((await get(away, `/api/cases/${k.case.id}/sessions`)).statusCode).toBe(404);
    expect((await patch(away, `/api/sessions/${other.json().id}`, { place: "x" })).statusCode).toBe(404);
    expect((await post(away, `/api/sessions/${other.json().id}/record`, { attended: [], record: "x", outcome: "agreement" })).statusCode).toBe(404);
  });
});
