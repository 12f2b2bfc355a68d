// The street centre's side of a resolved task: verify it (核验) — or send it back to be done again — and close the case.
import { and, count, eq, notInArray } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { endAllDeadlines, endStageDeadline, startStageDeadline } from "../deadlines/stage-deadlines.js";
import { AppError } from "../errors/catalogue.js";
import { scheduleFollowUps } from "../follow-ups/schedule.js";
import { notifyUnit } from "../notifications/notify.js";
import type { Ctx } from "../server/context.js";
import { caseTimeFacts, loadTaskForAction, requireState, syncCaseStatus } from "./load-task.js";
import { caseEvents, tasks } from "./schema.js";
import { appendCaseEvent } from "./timeline.js";

export async function verifyTask(ctx: Ctx, taskId: number, input: { approve: boolean; note?: string }): Promise<void> {
  const { task, caseRow } = await loadTaskForAction(ctx, taskId, "tasks.dispatch");
  if (task.role !== "lead") throw new AppError("TASK_STATE", "协办任务无需核验");
  requireState(task, "resolved");
  await endStageDeadline(ctx, task.id, "verify");
  if (input.approve) {
    const [{ n }] = await ctx.tx.select({ n: count() }).from(caseEvents).where(and(eq(caseEvents.taskId, task.id), eq(caseEvents.kind, "verify_rejected")));
    await ctx.tx.update(tasks).set({ state: "verified", verifiedAt: ctx.now, updatedAt: ctx.now }).where(eq(tasks.id, task.id));
    await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId: task.unitId, kind: "verified", detail: { firstTime: n === 0, note: input.note ?? null } });
  } else {
    await ctx.tx.update(tasks).set({ state: "in_progress", resolvedAt: null, updatedAt: ctx.now }).where(eq(tasks.id, task.id));
    await startStageDeadline(ctx, {
      taskId: task.id, stage: "handle", category: caseRow.category, level: task.level, urgency: task.urgency, ...(await caseTimeFacts(ctx.tx, task.caseId)), from: ctx.now,
    });
    await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId: task.unitId, kind: "verify_rejected", detail: { note: input.note ?? null } });
    await syncCaseStatus(ctx, task.caseId, "in_progress");
    if (task.unitId) await notifyUnit(ctx, task.unitId, { kind: "task.verify_rejected", title: `核验未通过，请重新办理 ${caseRow.code}`, body: input.note ?? "", caseId: task.caseId, taskId: task.id });
  }
  await recordAudit(ctx, { action: "task.verify", subjectType: "task", subjectId: task.id, newValues: { approve: input.approve, note: input.note ?? null } });
}

/** 结案: the verified lead task and its co tasks close, and so does the case. */
export async function closeTask(ctx: Ctx, taskId: number, input: { note?: string } = {}): Promise<void> {
  const { task, caseRow } = await loadTaskForAction(ctx, taskId, "tasks.dispatch");
  requireState(task, "verified");
  const closed = await ctx.tx
    .update(tasks)
    .set({ state: "closed", closedAt: ctx.now, updatedAt: ctx.now })
    .where(and(notInArray(tasks.state, ["closed", "returned"]), eq(tasks.caseId, task.caseId)))
    .returning({ id: tasks.id, unitId: tasks.unitId });
  for (const t of closed) await endAllDeadlines(ctx, t.id);
  await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId: task.unitId, kind: "closed", detail: { note: input.note ?? null } });
  await syncCaseStatus(ctx, task.caseId, "closed");
  await scheduleFollowUps(ctx, task.caseId);
  for (const unitId of new Set(closed.map((t) => t.unitId).filter((u): u is number => u != null))) {
    await notifyUnit(ctx, unitId, { kind: "case.closed", title: `已结案 ${caseRow.code}`, body: caseRow.title, caseId: task.caseId, taskId: task.id });
  }
  await recordAudit(ctx, { action: "task.close", subjectType: "task", subjectId: task.id, newValues: { note: input.note ?? null } });
}
