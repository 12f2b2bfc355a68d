import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../cases/schema.js";
import { taskDeadlines } from "../deadlines/schema.js";
import { notifications } from "../notifications/schema.js";
import { createTestApp, unitId, type TestApp } from "../test/app.js";
import { expireClaims } from "./assign-task.js";
import { openLeadTask } from "./open-lead-task.js";
import { caseEvents, tasks } from "./schema.js";
import { asSystem, AWAY, handlingCase, HOME, staff, type Staff } from "./test-support/handling-fixture.js";

describe("a task's life through the API", () => {
  let h: TestApp;
  let centre: Staff, labour: Staff, otherLabour: Staff, judicial: Staff, community: Staff, away: Staff;
  const post = (s: Staff, url: string, payload: unknown = {}) => h.app.inject({ method: "POST", url, headers: s.session.headers, payload: payload as object });
  const get = (s: Staff, url: string) => h.app.inject({ method: "GET", url, headers: s.session.headers });

  beforeAll(async () => {
    h = await createTestApp();
    centre = await staff(h, "street_centre", "330282006", "GT-SZZX");
    labour = await staff(h, "unit_handler", "330282006", "GT-LDBZ");
    otherLabour = await staff(h, "unit_handler", "330282006", "GT-LDBZ");
    judicial = await staff(h, "unit_handler", "330282006", "GT-SFS");
    community = await staff(h, "unit_handler", HOME, `CC-${HOME}`);
    away = await staff(h, "unit_handler", AWAY, `CC-${AWAY}`);
  });
  afterAll(() => h.close());

  it("goes posted → claimed → accepted → in progress → resolved → (sent back) → verified → closed", async () => {
    const kase = await handlingCase(h, { category: "LD", title: "拖欠工资纠纷" });
    const posted = await post(centre, `/api/cases/${kase.id}/post`, { eligibleKinds: ["labour", "judicial"], reason: "职责交叉，公开认领" });
    expect(posted.statusCode).toBe(200);
    const taskId = posted.json().task.id as number;
    expect(posted.json().task.state).toBe("posted");

    // The board shows it to an eligible unit, with the claim ability; not to another community's centre.
    const board = (await get(labour, "/api/claim-board")).json().items;
    expect(board.find((t: { id: number }) => t.id === taskId)?.can.claim).toBe(true);
    expect((await get(away, "/api/claim-board")).json().items.map((t: { id: number }) => t.id)).not.toContain(taskId);
    expect((await post(community, `/api/tasks/${taskId}/claim`)).json().error.code).toBe("NOT_ELIGIBLE");

    const claimed = await post(labour, `/api/tasks/${taskId}/claim`);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json().task).toMatchObject({ state: "claimed", assignedVia: "claim" });
    const second = await post(judicial, `/api/tasks/${taskId}/claim`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("CLAIM_LOST");

    // Only the claiming unit works it; another community's account cannot even see it.
    expect((await post(judicial, `/api/tasks/${taskId}/accept`)).statusCode).toBe(403);
    expect((await post(away, `/api/tasks/${taskId}/accept`)).statusCode).toBe(404);
    expect((await get(away, `/api/tasks/${taskId}`)).statusCode).toBe(404);
    expect((await post(otherLabour, `/api/tasks/${taskId}/resolve`, { resolution: "已调解" })).json().error.code).toBe("TASK_STATE");

    expect((await post(otherLabour, `/api/tasks/${taskId}/accept`)).json().task.state).toBe("accepted");
    expect((await h.t.db.select().from(cases).where(eq(cases.id, kase.id)))[0].status).toBe("in_progress");
    expect((await post(labour, `/api/tasks/${taskId}/start`)).json().task.state).toBe("in_progress");
    const resolved = await post(labour, `/api/tasks/${taskId}/resolve`, { resolution: "双方达成还款协议" });
    expect(resolved.json().task.state).toBe("resolved");
    expect(resolved.json().task.can.verify).toBe(false);

    const inCentre = (await get(centre, `/api/tasks/${taskId}`)).json();
    expect(inCentre.can).toMatchObject({ verify: true, accept: false });
    const rejected = await post(centre, `/api/tasks/${taskId}/verify`, { approve: false, note: "协议未附还款时间" });
    expect(rejected.json().task.state).toBe("in_progress");
    await post(labour, `/api/tasks/${taskId}/resolve`, { resolution: "补充还款时间：本月底前" });
    expect((await post(centre, `/api/tasks/${taskId}/verify`, { approve: true })).json().task.state).toBe("verified");
    const closed = await post(centre, `/api/tasks/${taskId}/close`, {});
    expect(closed.json().task.state).toBe("closed");

    const [c] = await h.t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(c.status).toBe("closed");
    expect(c.closedAt).not.toBeNull();
    // The task's own steps on the case timeline (risk and follow-up scheduling add their own events around them).
    const timeline = (await get(centre, `/api/cases/${kase.id}/timeline`)).json().items
      .filter((e: { taskId: number | null }) => e.taskId === taskId).map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(["posted", "claimed", "accepted", "started", "resolved", "verify_rejected", "resolved", "verified", "closed"]);
    const verified = (await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, kase.id), eq(caseEvents.kind, "verified"))))[0];
    expect(verified.detail).toMatchObject({ firstTime: false });
    const open = await h.t.db.select().from(taskDeadlines).where(eq(taskDeadlines.taskId, taskId));
    expect(open.every((d) => d.doneAt != null)).toBe(true);
    // The unit heard of its claim and of the send-back.
    const notes = await h.t.db.select().from(notifications).where(eq(notifications.accountId, labour.id));
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(["task.claimed", "task.verify_rejected", "case.closed"]));
  });

  it("assigns the lead and co-units directly; the co-unit reports its part; the inbox lists each unit's own", async () => {
    const kase = await handlingCase(h, { category: "LL" });
    const lead = await unitId(h.t, `CC-${HOME}`);
    const co = await unitId(h.t, "GT-SFS");
    const { taskId } = await asSystem(h, (ctx) => openLeadTask(ctx, { caseId: kase.id, unitId: lead, level: "community", via: "route", coUnitIds: [co] }));
    const inbox = (await get(judicial, "/api/tasks")).json().items;
    const coTask = inbox.find((t: { caseId: number }) => t.caseId === kase.id);
    expect(coTask).toMatchObject({ role: "co", state: "assigned" });
    expect(coTask.can).toMatchObject({ accept: true, resolve: false });
    expect((await get(community, "/api/tasks")).json().items.map((t: { id: number }) => t.id)).toContain(taskId);
    expect((await get(labour, "/api/tasks")).json().items.map((t: { caseId: number }) => t.caseId)).not.toContain(kase.id);

    await post(judicial, `/api/tasks/${coTask.id}/accept`);
    const reported = await post(judicial, `/api/tasks/${coTask.id}/report`, { report: "已提供法律意见" });
    expect(reported.json().task.state).toBe("resolved");
    const leadNotes = await h.t.db.select().from(notifications).where(and(eq(notifications.accountId, community.id), eq(notifications.kind, "task.co_reported")));
    expect(leadNotes).toHaveLength(1);
    const deadlines = (await get(community, `/api/tasks/${taskId}`)).json().deadlines;
    expect(deadlines.map((d: { stage: string }) => d.stage)).toEqual(["accept"]);
  });

  it("hands a task nobody claimed in time to the street centre, recorded as such, once", async () => {
    const kase = await handlingCase(h, { category: "QT" });
    const { taskId } = await asSystem(h, (ctx) => openLeadTask(ctx, { caseId: kase.id, unitId: null, level: "community", via: "claim" }));
    const [t] = await h.t.db.select().from(tasks).where(eq(tasks.id, taskId));
    const later = new Date(t.claimDeadline!.getTime() + 60_000);
    expect(await asSystem(h, (ctx) => expireClaims(ctx), new Date(t.claimDeadline!.getTime() - 60_000))).toBe(0);
    expect(await asSystem(h, (ctx) => expireClaims(ctx), later)).toBe(1);
    expect(await asSystem(h, (ctx) => expireClaims(ctx), later)).toBe(0);
    const [after] = await h.t.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(after).toMatchObject({ state: "assigned", assignedVia: "claim_expired", unitId: await unitId(h.t, "GT-SZZX") });
    const kinds = (await h.t.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id))).map((e) => e.kind);
    expect(kinds).toEqual(["posted", "claim_expired", "assigned"]);
    // Past its deadline, nobody can claim it any more.
    expect((await post(labour, `/api/tasks/${taskId}/claim`)).statusCode).toBe(409);
  });
});
