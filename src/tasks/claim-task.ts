// 揭榜认领: a unit claims a posted task. The task row is locked, so of any number of simultaneous claims — on any
// number of app processes — exactly one finds it still posted and wins; the others get CLAIM_LOST.
import { and, count, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { cases } from "../cases/schema.js";
import { startStageDeadline } from "../deadlines/stage-deadlines.js";
import { AppError } from "../errors/catalogue.js";
import { notifyUnit } from "../notifications/notify.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { units } from "../units/schema.js";
import { receiveOpenWarnings } from "../warnings/receive-open.js";
import { caseTimeFacts, loadTaskForAction } from "./load-task.js";
import { claimAttempts, tasks } from "./schema.js";
import { appendCaseEvent } from "./timeline.js";

export async function claimTask(ctx: Ctx, taskId: number): Promise<{ taskId: number; unitId: number }> {
  const unitId = ctx.actor.kind === "account" || ctx.actor.kind === "token" ? ctx.actor.unitId : null;
  const { task, caseRow } = await loadTaskForAction(ctx, taskId, "tasks.claim");
  if (unitId == null) throw new AppError("NOT_ELIGIBLE", "账号未关联承办单位");
  if (task.state !== "posted") throw new AppError("CLAIM_LOST");
  if (task.claimDeadline && ctx.now > task.claimDeadline) throw new AppError("CLAIM_CLOSED");
  const [unit] = await ctx.tx.select({ kind: units.kind, active: units.active }).from(units).where(eq(units.id, unitId));
  if (!unit?.active || (task.eligibleKinds.length && !task.eligibleKinds.includes(unit.kind))) throw new AppError("NOT_ELIGIBLE");

  const won = await ctx.tx
    .update(tasks)
    .set({ state: "claimed", unitId, assignedVia: "claim", assignedAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(tasks.id, task.id), eq(tasks.state, "posted")))
    .returning({ id: tasks.id });
  if (!won.length) throw new AppError("CLAIM_LOST");
  await ctx.tx.update(cases).set({ leadUnitId: unitId, updatedAt: ctx.now }).where(eq(cases.id, task.caseId));
  await ctx.tx.insert(claimAttempts).values({ taskId: task.id, unitId, actorLabel: actorLabel(ctx.actor), won: true, at: ctx.now });
  const [{ n }] = await ctx.tx.select({ n: count() }).from(claimAttempts).where(eq(claimAttempts.taskId, task.id));
  await startStageDeadline(ctx, {
    taskId: task.id, stage: "accept", category: caseRow.category, level: task.level, urgency: task.urgency, ...(await caseTimeFacts(ctx.tx, task.caseId)), from: ctx.now,
  });
  await appendCaseEvent(ctx, {
    caseId: task.caseId, taskId: task.id, unitId, kind: "claimed",
    detail: { claimDeadline: task.claimDeadline?.toISOString() ?? null, onTime: !task.claimDeadline || ctx.now <= task.claimDeadline, attempts: n },
  });
  await notifyUnit(ctx, unitId, { kind: "task.claimed", title: `已认领案件 ${caseRow.code}`, body: caseRow.title, caseId: task.caseId, taskId: task.id });
  await receiveOpenWarnings(ctx, task.caseId, unitId);
  await recordAudit(ctx, { action: "task.claim", subjectType: "task", subjectId: task.id, newValues: { unitId } });
  return { taskId: task.id, unitId };
}

/** A claim that lost is kept too (in its own transaction: the losing claim's transaction rolled back). */
export async function recordLostClaim(ctx: Ctx, taskId: number): Promise<void> {
  const unitId = ctx.actor.kind === "account" || ctx.actor.kind === "token" ? ctx.actor.unitId : null;
  if (unitId == null) return;
  await ctx.tx.insert(claimAttempts).values({ taskId, unitId, actorLabel: actorLabel(ctx.actor), won: false, at: ctx.now });
}

