// Loading a task with what deciding about it needs: its case's place and category, its unit's kind.
import { and, asc, eq, sql } from "drizzle-orm";
import { authorize } from "../accounts/policies.js";
import type { Action } from "../accounts/permissions.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { records } from "../intake/schema.js";
import { regionNodes } from "../regions/schema.js";
import type { Actor, Ctx } from "../server/context.js";
import { units } from "../units/schema.js";
import { tasks } from "./schema.js";
import type { TaskState } from "./states.js";

export type Task = typeof tasks.$inferSelect;

export interface LoadedTask {
  task: Task;
  caseRow: typeof cases.$inferSelect;
  regionPath: string;
}

/** A task, locked for update, if the actor may see it (its case's place in scope, or the task's own unit). 404 otherwise. */
export async function loadTaskForAction(ctx: Pick<Ctx, "tx" | "actor">, taskId: number, action: Action): Promise<LoadedTask> {
  const [row] = await ctx.tx
    .select({ task: tasks, caseRow: cases, regionPath: regionNodes.path })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .where(eq(tasks.id, taskId))
    .for("update", { of: tasks });
  if (!row) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, action, { regionPath: row.regionPath, unitIds: [row.task.unitId, row.caseRow.leadUnitId] });
  return row;
}

/** The actor must belong to the task's unit. */
export function requireOwnUnit(actor: Actor, task: Task): void {
  if (actor.kind === "system") return;
  const unitId = actor.kind === "account" || actor.kind === "token" ? actor.unitId : null;
  if (unitId == null || unitId !== task.unitId) throw new AppError("NOT_YOUR_TASK");
}

export function requireState(task: Task, ...allowed: TaskState[]): void {
  if (!allowed.includes(task.state)) throw new AppError("TASK_STATE", `当前状态：${task.state}`);
}

/** The street centre unit whose jurisdiction holds the place (the hub's operator, who dispatches and verifies). */
export async function streetCentreUnitId(db: DbOrTx, regionPath: string): Promise<number | null> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .innerJoin(regionNodes, eq(regionNodes.id, units.regionNodeId))
    .where(and(eq(units.kind, "street_centre"), eq(units.active, true), sql`starts_with(${regionPath}, ${regionNodes.path})`))
    .orderBy(sql`length(${regionNodes.path}) DESC`)
    .limit(1);
  return row?.id ?? null;
}

/**
 * What a case's time limits depend on besides its type and level: the channel of its first record (12345 keeps
 * 12345's limits) and the limit that record itself sets, if any (a 12345 work order's 办理时限 in days, `blsx`).
 */
export async function caseTimeFacts(db: DbOrTx, caseId: number): Promise<{ channel: string | null; ownLimitDays: number | null }> {
  const [row] = await db
    .select({ channel: records.channel, extra: records.extra })
    .from(records)
    .where(and(eq(records.caseId, caseId), eq(records.isCurrent, true)))
    .orderBy(asc(records.reportedAt))
    .limit(1);
  const days = Number(String(row?.extra?.blsx ?? "").replace(/[^\d.]/g, ""));
  return { channel: row?.channel ?? null, ownLimitDays: Number.isFinite(days) && days >= 1 && days <= 365 ? Math.round(days) : null };
}

/** Keeps the case's status in step with its lead task. */
export async function syncCaseStatus(ctx: Pick<Ctx, "tx" | "now">, caseId: number, leadState: TaskState): Promise<void> {
  const status =
    leadState === "accepted" || leadState === "in_progress" ? "in_progress"
    : leadState === "resolved" || leadState === "verified" ? "resolved"
    : leadState === "closed" ? "closed"
    : "open";
  await ctx.tx
    .update(cases)
    .set({ status, updatedAt: ctx.now, closedAt: status === "closed" ? ctx.now : null })
    .where(eq(cases.id, caseId));
}
