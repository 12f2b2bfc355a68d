// The handling unit's side of a task: accept (签收), start, report a co-unit's part, resolve (办结), return (退回).
import { and, eq, notInArray } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { endAllDeadlines, endStageDeadline, startStageDeadline } from "../deadlines/stage-deadlines.js";
import { notifyUnit } from "../notifications/notify.js";
import { rerouteAfterReturn } from "../routing/route-case.js";
import type { Ctx } from "../server/context.js";
import { caseTimeFacts, loadTaskForAction, requireOwnUnit, requireState, streetCentreUnitId, syncCaseStatus, type LoadedTask } from "./load-task.js";
import { tasks } from "./schema.js";
import { appendCaseEvent } from "./timeline.js";

async function loadOwn(ctx: Ctx, taskId: number): Promise<LoadedTask> {
  const loaded = await loadTaskForAction(ctx, taskId, "tasks.handle");
  requireOwnUnit(ctx.actor, loaded.task);
  return loaded;
}

const stageFacts = async (ctx: Ctx, { task, caseRow }: LoadedTask) => ({
  category: caseRow.category, level: task.level, urgency: task.urgency, ...(await caseTimeFacts(ctx.tx, task.caseId)), from: ctx.now,
});

export async function acceptTask(ctx: Ctx, taskId: number): Promise<void> {
  const loaded = await loadOwn(ctx, taskId);
  const { task } = loaded;
  requireState(task, "assigned", "claimed");
  await ctx.tx.update(tasks).set({ state: "accepted", acceptedAt: ctx.now, updatedAt: ctx.now }).where(eq(tasks.id, task.id));
  const ended = await endStageDeadline(ctx, task.id, "accept");
  await startStageDeadline(ctx, { taskId: task.id, stage: "handle", ...(await stageFacts(ctx, loaded)) });
  await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId: task.unitId, kind: "accepted", detail: { dueAt: ended?.dueAt.toISOString() ?? null, onTime: ended?.onTime ?? true, role: task.role } });
  if (task.role === "lead") await syncCaseStatus(ctx, task.caseId, "accepted");
  await recordAudit(ctx, { action: "task.accept", subjectType: "task", subjectId: task.id });
}

export async function startTask(ctx: Ctx, taskId: number): Promise<void> {
  const { task } = await loadOwn(ctx, taskId);
  requireState(task, "accepted");
  await ctx.tx.update(tasks).set({ state: "in_progress", startedAt: ctx.now, updatedAt: ctx.now }).where(eq(tasks.id, task.id));
  await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId: task.unitId, kind: "started", detail: { role: task.role } });
  await recordAudit(ctx, { action: "task.start", subjectType: "task", subjectId: task.id });
}

/** A co-handling unit reports its part; the lead unit is told. */
export async function reportCoPart(ctx: Ctx, taskId: number, input: { report: string }): Promise<void> {
  const { task, caseRow } = await loadOwn(ctx, taskId);
  if (task.role !== "co") return resolveTask(ctx, taskId, { resolution: input.report });
  requireState(task, "accepted", "in_progress");
  await ctx.tx.update(tasks).set({ state: "resolved", resolvedAt: ctx.now, report: input.report, updatedAt: ctx.now }).where(eq(tasks.id, task.id));
  const ended = await endStageDeadline(ctx, task.id, "handle");
  await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId: task.unitId, kind: "co_reported", detail: { report: input.report, dueAt: ended?.dueAt.toISOString() ?? null, onTime: ended?.onTime ?? true } });
  if (caseRow.leadUnitId) await notifyUnit(ctx, caseRow.leadUnitId, { kind: "task.co_reported", title: `协办单位已反馈 ${caseRow.code}`, body: input.report.slice(0, 200), caseId: task.caseId, taskId: task.leadTaskId });
  await recordAudit(ctx, { action: "task.report", subjectType: "task", subjectId: task.id, newValues: { report: input.report } });
}

/** The lead unit resolves the case (办结); the street centre verifies it next. */
export async function resolveTask(ctx: Ctx, taskId: number, input: { resolution: string }): Promise<void> {
  const loaded = await loadOwn(ctx, taskId);
  const { task, caseRow, regionPath } = loaded;
  requireState(task, "accepted", "in_progress");
  await ctx.tx.update(tasks).set({ state: "resolved", resolvedAt: ctx.now, resolution: input.resolution, updatedAt: ctx.now }).where(eq(tasks.id, task.id));
  const ended = await endStageDeadline(ctx, task.id, "handle");
  await startStageDeadline(ctx, { taskId: task.id, stage: "verify", ...(await stageFacts(ctx, loaded)) });
  await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId: task.unitId, kind: "resolved", detail: { resolution: input.resolution, dueAt: ended?.dueAt.toISOString() ?? null, onTime: ended?.onTime ?? true } });
  await syncCaseStatus(ctx, task.caseId, "resolved");
  const centre = await streetCentreUnitId(ctx.tx, regionPath);
  if (centre != null && centre !== task.unitId) await notifyUnit(ctx, centre, { kind: "task.resolved", title: `待核验 ${caseRow.code}`, body: input.resolution.slice(0, 200), caseId: task.caseId, taskId: task.id });
  await recordAudit(ctx, { action: "task.resolve", subjectType: "task", subjectId: task.id, newValues: { resolution: input.resolution } });
}

/** 退回: the unit gives the task back with its reason; a lead task's case is routed again without that unit. */
export async function returnTask(ctx: Ctx, taskId: number, input: { reason: string }): Promise<void> {
  const { task, caseRow, regionPath } = await loadOwn(ctx, taskId);
  requireState(task, "assigned", "claimed", "accepted", "in_progress");
  await ctx.tx.update(tasks).set({ state: "returned", returnedAt: ctx.now, returnReason: input.reason, updatedAt: ctx.now }).where(eq(tasks.id, task.id));
  await endAllDeadlines(ctx, task.id);
  await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId: task.unitId, kind: "returned", detail: { reason: input.reason, withReason: input.reason.trim().length >= 4, role: task.role } });
  await recordAudit(ctx, { action: "task.return", subjectType: "task", subjectId: task.id, newValues: { reason: input.reason } });
  if (task.role === "lead") {
    // Its open co tasks end with it; routing opens the next lead task (with co tasks of its own).
    const co = await ctx.tx.update(tasks).set({ state: "returned", returnedAt: ctx.now, returnReason: "主办单位退回", updatedAt: ctx.now })
      .where(and(eq(tasks.leadTaskId, task.id), notInArray(tasks.state, ["closed", "returned"]))).returning({ id: tasks.id });
    for (const c of co) await endAllDeadlines(ctx, c.id);
    await rerouteAfterReturn(ctx, task.caseId, { returnedUnitId: task.unitId!, reason: input.reason });
  } else if (caseRow.leadUnitId) {
    await notifyUnit(ctx, caseRow.leadUnitId, { kind: "task.returned", title: `协办单位退回 ${caseRow.code}`, body: input.reason, caseId: task.caseId, taskId: task.leadTaskId });
  }
  const centre = await streetCentreUnitId(ctx.tx, regionPath);
  if (centre != null) await notifyUnit(ctx, centre, { kind: "task.returned", title: `单位退回 ${caseRow.code}`, body: input.reason, caseId: task.caseId, taskId: task.id });
}

