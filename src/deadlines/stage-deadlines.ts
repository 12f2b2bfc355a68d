// A task's stage deadlines (task_deadlines): started when a stage starts, done when it ends, moved by an approved
// extension. The task commands call these in their own transaction.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../server/context.js";
import type { HandlingLevel, Urgency } from "../tasks/states.js";
import { addWorkingDays, computeDue, loadCalendar, type Due } from "./compute-due.js";
import { taskDeadlines, type DeadlineStage } from "./schema.js";

export interface StageStart {
  taskId: number;
  stage: DeadlineStage;
  category: string | null;
  level: HandlingLevel;
  urgency: Urgency;
  /** The channel whose own time limit applies (12345's 办理时限). */
  channel: string | null;
  /** The record's own handling limit in working days (12345's 办理时限), if it sets one. */
  ownLimitDays?: number | null;
  from: Date;
}

export type TaskDeadline = typeof taskDeadlines.$inferSelect;

/** Starts (or restarts) a stage's deadline: one row per (task, stage); a restart replaces it and re-opens it. */
export async function startStageDeadline(ctx: Pick<Ctx, "tx">, s: StageStart): Promise<TaskDeadline & Due> {
  const due = await computeDue(ctx.tx, s);
  const values = { startedAt: s.from, dueAt: due.dueAt, yellowAt: due.yellowAt, redAt: due.redAt, ruleId: due.ruleId, basis: due.basis, extendedDays: 0, doneAt: null };
  const [row] = await ctx.tx
    .insert(taskDeadlines)
    .values({ taskId: s.taskId, stage: s.stage, ...values })
    .onConflictDoUpdate({ target: [taskDeadlines.taskId, taskDeadlines.stage], set: values })
    .returning();
  return { ...row, ...due };
}

/** Ends a stage: done now; on time when now ≤ due. Null when the stage had no open deadline. */
export async function endStageDeadline(ctx: Pick<Ctx, "tx" | "now">, taskId: number, stage: DeadlineStage): Promise<{ dueAt: Date; onTime: boolean } | null> {
  const [row] = await ctx.tx
    .update(taskDeadlines)
    .set({ doneAt: ctx.now })
    .where(and(eq(taskDeadlines.taskId, taskId), eq(taskDeadlines.stage, stage), isNull(taskDeadlines.doneAt)))
    .returning({ dueAt: taskDeadlines.dueAt });
  return row ? { dueAt: row.dueAt, onTime: ctx.now.getTime() <= row.dueAt.getTime() } : null;
}

/** Ends every open stage of a task (returned, re-routed, escalated, closed). Returns how many were open. */
export async function endAllDeadlines(ctx: Pick<Ctx, "tx" | "now">, taskId: number): Promise<number> {
  const rows = await ctx.tx
    .update(taskDeadlines)
    .set({ doneAt: ctx.now })
    .where(and(eq(taskDeadlines.taskId, taskId), isNull(taskDeadlines.doneAt)))
    .returning({ id: taskDeadlines.id });
  return rows.length;
}

/** The open deadline of a stage, locked against a concurrent end or extension. */
export async function lockOpenDeadline(ctx: Pick<Ctx, "tx">, taskId: number, stage: DeadlineStage): Promise<TaskDeadline | undefined> {
  const [row] = await ctx.tx
    .select()
    .from(taskDeadlines)
    .where(and(eq(taskDeadlines.taskId, taskId), eq(taskDeadlines.stage, stage), isNull(taskDeadlines.doneAt)))
    .for("update");
  return row;
}

const EXTENDED = /（(?:已)?延期 \d+ 个工作日）$/;

/**
 * Moves an open stage's deadline by `workingDays` more working days (an approved 延期). The same as computing
 * the stage again with extraWorkingDays = extendedDays + n (working days compose), but from the row itself, so
 * the stage keeps the rule it started under even if admins have edited the rules since; yellow and red keep
 * their share of the (longer) allowed time.
 */
export async function extendStageDeadline(ctx: Pick<Ctx, "tx">, row: TaskDeadline, workingDays: number): Promise<TaskDeadline> {
  const cal = await loadCalendar(ctx.tx, row.dueAt, workingDays * 3 + 30);
  const dueAt = addWorkingDays(cal, row.dueAt, workingDays);
  const start = row.startedAt.getTime();
  const oldSpan = Math.max(1, row.dueAt.getTime() - start);
  const share = (t: Date) => (t.getTime() - start) / oldSpan;
  const span = dueAt.getTime() - start;
  const at = (s: number) => new Date(start + Math.round(span * s));
  const extendedDays = row.extendedDays + workingDays;
  const [updated] = await ctx.tx
    .update(taskDeadlines)
    .set({
      dueAt,
      yellowAt: at(share(row.yellowAt)),
      redAt: at(share(row.redAt)),
      extendedDays,
      basis: `${row.basis.replace(EXTENDED, "")}（延期 ${extendedDays} 个工作日）`,
    })
    .where(eq(taskDeadlines.id, row.id))
    .returning();
  return updated;
}

/** A task's deadlines, every stage, for the task page. */
export async function taskDeadlinesOf(ctx: Pick<Ctx, "tx">, taskId: number): Promise<TaskDeadline[]> {
  return ctx.tx.select().from(taskDeadlines).where(eq(taskDeadlines.taskId, taskId)).orderBy(asc(taskDeadlines.startedAt), asc(taskDeadlines.id));
}
