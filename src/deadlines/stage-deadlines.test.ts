import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../server/context.js";
import { tasks } from "../tasks/schema.js";
import { createCase, createTestApp, unitId, type TestApp } from "../test/app.js";
import { seedCalendar } from "./china-holidays.js";
import { seedDeadlineRules } from "./default-rules.js";
import { taskDeadlines } from "./schema.js";
import { endAllDeadlines, endStageDeadline, startStageDeadline } from "./stage-deadlines.js";

const bj = (s: string) => new Date(`${s}+08:00`);

describe("stage deadlines", () => {
  let h: TestApp;
  let taskId: number;
  const at = <T>(now: Date, work: (ctx: Ctx) => Promise<T>) =>
    h.t.db.transaction((tx) => work({ actor: { kind: "system", label: "test" }, tx, now, correlationId: "t", ip: undefined, cipher: h.t.cipher }));

  beforeAll(async () => {
    h = await createTestApp();
    await seedCalendar(h.t.db);
    await seedDeadlineRules(h.t.db);
    const c = await createCase(h.t, { region: "330282006004-G01", unit: "CC-330282006004" });
    const [t] = await h.t.db.insert(tasks).values({ caseId: c.id, unitId: await unitId(h.t, "CC-330282006004"), role: "lead", level: "community", state: "accepted" }).returning();
    taskId = t.id;
  });
  afterAll(() => h.close());

  const facts = { category: "LL", level: "community", urgency: "normal", channel: null } as const;

  it("starts, ends on time or late, and a restart replaces the row and re-opens it", async () => {
    const from = bj("2026-03-02T09:00:00");
    const started = await at(from, (ctx) => startStageDeadline(ctx, { taskId, stage: "handle", ...facts, from }));
    expect(started.dueAt).toEqual(bj("2026-03-16T09:00:00"));
    expect(started.basis).toBe("村（社区）办理时限：10 个工作日");
    expect(await at(bj("2026-03-16T09:00:00"), (ctx) => endStageDeadline(ctx, taskId, "handle"))).toEqual({ dueAt: started.dueAt, onTime: true });
    expect(await at(bj("2026-03-17T09:00:00"), (ctx) => endStageDeadline(ctx, taskId, "handle"))).toBeNull(); // already ended

    // Verification rejected: the handle stage runs again, from now, with a fresh row state.
    await h.t.db.update(taskDeadlines).set({ extendedDays: 2 }).where(eq(taskDeadlines.taskId, taskId));
    const again = bj("2026-03-20T14:00:00");
    const restarted = await at(again, (ctx) => startStageDeadline(ctx, { taskId, stage: "handle", ...facts, from: again }));
    const rows = await h.t.db.select().from(taskDeadlines).where(eq(taskDeadlines.taskId, taskId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ doneAt: null, extendedDays: 0, startedAt: again, dueAt: restarted.dueAt });
    expect(await at(bj("2026-04-30T09:00:00"), (ctx) => endStageDeadline(ctx, taskId, "handle"))).toEqual({ dueAt: restarted.dueAt, onTime: false });
  });

  it("ends every open stage of a task", async () => {
    const from = bj("2026-05-06T09:00:00");
    await at(from, async (ctx) => {
      await startStageDeadline(ctx, { taskId, stage: "accept", ...facts, from });
      await startStageDeadline(ctx, { taskId, stage: "handle", ...facts, from });
    });
    expect(await at(from, (ctx) => endAllDeadlines(ctx, taskId))).toBe(2);
    expect(await at(from, (ctx) => endAllDeadlines(ctx, taskId))).toBe(0);
  });
});
