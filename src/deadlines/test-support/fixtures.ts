// Small factories for deadline tests: a lead task in a given state with one stage's deadline set directly.
import { eq } from "drizzle-orm";
import { cases } from "../../cases/schema.js";
import type { Db } from "../../db/client.js";
import { tasks } from "../../tasks/schema.js";
import type { HandlingLevel, TaskState } from "../../tasks/states.js";
import { taskDeadlines, type DeadlineStage } from "../schema.js";

export interface TaskFixture {
  caseId: number;
  unitId: number;
  level?: HandlingLevel;
  state?: TaskState;
  role?: "lead" | "co";
  stage?: DeadlineStage;
  startedAt: Date;
  yellowAt: Date;
  redAt: Date;
  dueAt: Date;
}

/** A task with one open stage deadline; the case gets the task's unit and level. */
export async function createTaskWithDeadline(db: Db, f: TaskFixture): Promise<{ taskId: number; deadlineId: number }> {
  const level = f.level ?? "community";
  const role = f.role ?? "lead";
  const [task] = await db
    .insert(tasks)
    .values({ caseId: f.caseId, unitId: f.unitId, role, level, state: f.state ?? "accepted", assignedVia: "route", assignedAt: f.startedAt, acceptedAt: f.startedAt })
    .returning({ id: tasks.id });
  if (role === "lead") await db.update(cases).set({ leadUnitId: f.unitId, handlingLevel: level, status: "open" }).where(eq(cases.id, f.caseId));
  const [d] = await db
    .insert(taskDeadlines)
    .values({ taskId: task.id, stage: f.stage ?? "handle", startedAt: f.startedAt, yellowAt: f.yellowAt, redAt: f.redAt, dueAt: f.dueAt, basis: "测试时限" })
    .returning({ id: taskDeadlines.id });
  return { taskId: task.id, deadlineId: d.id };
}

const H = 3_600_000;
/** Tiers an hour apart ending at `dueAt`. */
export function tiersEndingAt(dueAt: Date) {
  return { startedAt: new Date(dueAt.getTime() - 10 * H), yellowAt: new Date(dueAt.getTime() - 2 * H), redAt: new Date(dueAt.getTime() - H), dueAt };
}
