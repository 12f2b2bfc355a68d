// The street centre assigns a posted task to a unit — by hand, or because nobody claimed it in time.
import { and, eq, lt } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { cases } from "../cases/schema.js";
import { startStageDeadline } from "../deadlines/stage-deadlines.js";
import { AppError } from "../errors/catalogue.js";
import { notifyUnit } from "../notifications/notify.js";
import { regionNodes } from "../regions/schema.js";
import type { Ctx } from "../server/context.js";
import { units } from "../units/schema.js";
import { receiveOpenWarnings } from "../warnings/receive-open.js";
import { caseTimeFacts, loadTaskForAction, requireState, streetCentreUnitId, type LoadedTask } from "./load-task.js";
import { tasks } from "./schema.js";
import { appendCaseEvent } from "./timeline.js";

export async function assignTask(ctx: Ctx, taskId: number, input: { unitId: number; note?: string }): Promise<void> {
  const loaded = await loadTaskForAction(ctx, taskId, "tasks.dispatch");
  requireState(loaded.task, "posted");
  const [unit] = await ctx.tx.select({ id: units.id, active: units.active }).from(units).where(eq(units.id, input.unitId));
  if (!unit?.active) throw new AppError("VALIDATION_FAILED", "承办单位不存在或已停用");
  await assignPosted(ctx, loaded, unit.id, "street_centre", input.note);
  await recordAudit(ctx, { action: "task.assign", subjectType: "task", subjectId: taskId, newValues: { unitId: unit.id, note: input.note ?? null } });
}

async function assignPosted(ctx: Ctx, { task, caseRow }: LoadedTask, unitId: number, via: "street_centre" | "claim_expired", note?: string) {
  await ctx.tx.update(tasks).set({ state: "assigned", unitId, assignedVia: via, assignedAt: ctx.now, updatedAt: ctx.now }).where(eq(tasks.id, task.id));
  await ctx.tx.update(cases).set({ leadUnitId: unitId, updatedAt: ctx.now }).where(eq(cases.id, task.caseId));
  await startStageDeadline(ctx, {
    taskId: task.id, stage: "accept", category: caseRow.category, level: task.level, urgency: task.urgency, ...(await caseTimeFacts(ctx.tx, task.caseId)), from: ctx.now,
  });
  await appendCaseEvent(ctx, { caseId: task.caseId, taskId: task.id, unitId, kind: "assigned", detail: { unitId, via, note: note ?? null } });
  await notifyUnit(ctx, unitId, { kind: "task.assigned", title: `新交办案件 ${caseRow.code}`, body: caseRow.title, caseId: task.caseId, taskId: task.id });
  await receiveOpenWarnings(ctx, task.caseId, unitId);
}

/**
 * The claim-deadline sweep: a posted task nobody claimed in time goes to the street centre of its place, recorded as
 * such (claim_expired), for it to handle or re-route. Idempotent: the task row is locked and must still be posted.
 */
export async function expireClaims(ctx: Ctx): Promise<number> {
  const due = await ctx.tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.state, "posted"), lt(tasks.claimDeadline, ctx.now)))
    .limit(200);
  let n = 0;
  for (const { id } of due) {
    const [locked] = await ctx.tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, id), eq(tasks.state, "posted"))).for("update", { skipLocked: true });
    if (!locked) continue;
    const loaded = await loadTaskForAction({ tx: ctx.tx, actor: { kind: "system", label: "claim-deadline" } }, id, "tasks.dispatch");
    const [place] = await ctx.tx.select({ path: regionNodes.path }).from(regionNodes).where(eq(regionNodes.id, loaded.caseRow.regionNodeId));
    const centre = await streetCentreUnitId(ctx.tx, place.path);
    if (centre == null) continue;
    await appendCaseEvent(ctx, { caseId: loaded.task.caseId, taskId: id, kind: "claim_expired", detail: { claimDeadline: loaded.task.claimDeadline?.toISOString() ?? null } });
    await assignPosted(ctx, loaded, centre, "claim_expired");
    n++;
  }
  return n;
}
