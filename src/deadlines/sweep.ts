// The deadline timers: every minute, each open stage deadline past a tier fires that tier's alert once.
//   yellow  → a reminder to the unit, on the timeline
//   red     → a supervision order (督办) to the unit
//   overdue → the unit's leaders are told; an overdue handle stage escalates the case one level
// Each alert is claimed in deadline_alerts (task, stage, tier, due) in the transaction of its act, one
// transaction per alert: a crash or a failure leaves nothing half done, and the next sweep retries what did not
// commit. An extension moves the due time, which re-arms the tiers for the new deadline.
// Verification is the street centre's own stage: its alerts go to the street centre. Claim deadlines (posted
// tasks) are the claim board's business (tasks/).
import { and, eq, sql } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import type { Db } from "../db/client.js";
import { AppError, CATALOGUE } from "../errors/catalogue.js";
import type { Sweep, SweepServices } from "../jobs/boss.js";
import { notifyAccounts, notifyUnit, unitAccountsWithRole } from "../notifications/notify.js";
import { regionNodes } from "../regions/schema.js";
import { escalateCase } from "../routing/route-case.js";
import type { Ctx } from "../server/context.js";
import { beijingTime } from "../supervision/beijing-time.js";
import { issueSupervisionOrder } from "../supervision/issue-order.js";
import { addWorkingDays, loadCalendar } from "./compute-due.js";
import { streetCentreUnitId } from "../tasks/load-task.js";
import { tasks } from "../tasks/schema.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { deadlineAlerts, taskDeadlines, type DeadlineStage } from "./schema.js";
import { ALERT_TIERS, DEADLINE_STAGE_NAMES, type AlertTier } from "./stages.js";

const ACTOR = { kind: "system", label: "deadline-sweep" } as const;
const EVENT = { yellow: "deadline_yellow", red: "deadline_red", overdue: "deadline_overdue" } as const;

interface Candidate {
  id: number;
  taskId: number;
  stage: DeadlineStage;
  dueAt: Date;
  pending: AlertTier[];
}

const BATCH = 500;

/** Open stage deadlines with a passed tier whose alert has not fired, in id order from `afterId`. */
async function candidates(db: Db, now: Date, afterId: number): Promise<Candidate[]> {
  const notFired = (tier: AlertTier) =>
    sql`NOT EXISTS (SELECT 1 FROM deadline_alerts a WHERE a.task_id = td.task_id AND a.stage = td.stage AND a.due_at = td.due_at AND a.tier = ${tier})`;
  const { rows } = await db.execute<{ id: number; task_id: number; stage: DeadlineStage; due_at: Date; yellow: boolean; red: boolean; overdue: boolean }>(sql`
    SELECT * FROM (
      SELECT td.id, td.task_id, td.stage, td.due_at,
             (td.yellow_at <= ${now} AND ${notFired("yellow")}) AS yellow,
             (td.red_at <= ${now} AND ${notFired("red")}) AS red,
             (td.due_at <= ${now} AND ${notFired("overdue")}) AS overdue
        FROM task_deadlines td
        JOIN tasks t ON t.id = td.task_id
       WHERE td.done_at IS NULL AND td.stage <> 'claim' AND td.yellow_at <= ${now} AND td.id > ${afterId}
         AND t.unit_id IS NOT NULL AND t.state NOT IN ('posted', 'closed', 'returned')
    ) s
    WHERE yellow OR red OR overdue
    ORDER BY id
    LIMIT ${BATCH}`);
  return rows.map((r) => ({
    id: Number(r.id),
    taskId: Number(r.task_id),
    stage: r.stage,
    dueAt: new Date(r.due_at),
    pending: ALERT_TIERS.filter((t) => r[t]),
  }));
}

export interface SweepResult {
  fired: number;
  failed: { taskId: number; stage: DeadlineStage; tier: AlertTier; error: string }[];
}

/** One pass over every due alert. Safe to run repeatedly and concurrently (on any number of processes). */
export async function sweepDeadlines({ db, cipher }: SweepServices, now: Date): Promise<SweepResult> {
  const result: SweepResult = { fired: 0, failed: [] };
  let afterId = 0;
  for (;;) {
    const batch = await candidates(db, now, afterId);
    for (const c of batch) {
      // Tiers in order; a failure leaves the later tiers of that deadline to the next sweep.
      for (const tier of c.pending) {
        try {
          if (await fireAlert({ db, cipher }, c, tier, now)) result.fired++;
        } catch (err) {
          result.failed.push({ taskId: c.taskId, stage: c.stage, tier, error: err instanceof Error ? err.message : String(err) });
          break;
        }
      }
    }
    if (batch.length < BATCH) return result;
    afterId = batch[batch.length - 1].id;
  }
}

/** Claims and acts on one alert in one transaction. False when it was not due any more or already fired. */
export async function fireAlert({ db, cipher }: SweepServices, c: Pick<Candidate, "id" | "taskId" | "stage" | "dueAt">, tier: AlertTier, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ctx: Ctx = { actor: ACTOR, tx, now, correlationId: `deadline:${c.taskId}:${c.stage}:${tier}`, ip: undefined, cipher };
    // The task first, then its deadline: the order the task commands lock them in.
    const [t] = await tx
      .select({ task: tasks, code: cases.code, title: cases.title, handlingLevel: cases.handlingLevel, regionPath: regionNodes.path })
      .from(tasks)
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
      .where(eq(tasks.id, c.taskId))
      .for("update", { of: tasks });
    const [td] = await tx
      .select()
      .from(taskDeadlines)
      .where(and(eq(taskDeadlines.id, c.id), sql`${taskDeadlines.doneAt} IS NULL`))
      .for("update");
    // Ended, extended or restarted since the candidate was read: not this alert any more.
    if (!t || !td || td.dueAt.getTime() !== c.dueAt.getTime() || t.task.unitId == null) return false;
    if (t.task.state === "posted" || t.task.state === "closed" || t.task.state === "returned") return false;
    const [claimed] = await tx
      .insert(deadlineAlerts)
      .values({ taskId: c.taskId, stage: c.stage, tier, dueAt: td.dueAt, firedAt: now })
      .onConflictDoNothing()
      .returning({ id: deadlineAlerts.id });
    if (!claimed) return false;
    await act(ctx, tier, { ...t, unitId: t.task.unitId, stage: c.stage, dueAt: td.dueAt });
    return true;
  });
}

interface Target {
  task: typeof tasks.$inferSelect;
  unitId: number;
  code: string;
  title: string;
  handlingLevel: string | null;
  regionPath: string;
  stage: DeadlineStage;
  dueAt: Date;
}

async function act(ctx: Ctx, tier: AlertTier, x: Target) {
  const { task, stage, dueAt } = x;
  const stageName = DEADLINE_STAGE_NAMES[stage];
  const due = beijingTime(dueAt);
  const event = { caseId: task.caseId, taskId: task.id, unitId: x.unitId };
  const notice = (kind: string, title: string, body: string) => ({ kind, title, body, caseId: task.caseId, taskId: task.id });

  if (stage === "verify") {
    // The street centre's own stage: it hears every tier.
    const centre = await streetCentreUnitId(ctx.tx, x.regionPath);
    const words = { yellow: "核验即将到期", red: "核验即将超期", overdue: "核验已超期" }[tier];
    if (centre != null) await notifyUnit(ctx, centre, notice(EVENT[tier], `${words}：${x.code}`, `「${x.title}」核验时限 ${due}`));
    await appendCaseEvent(ctx, { ...event, kind: EVENT[tier], detail: { stage, dueAt: dueAt.toISOString() } });
    return;
  }

  const todo = stage === "accept" ? "签收" : "办结";
  switch (tier) {
    case "yellow":
      await appendCaseEvent(ctx, { ...event, kind: "deadline_yellow", detail: { stage, dueAt: dueAt.toISOString() } });
      await notifyUnit(ctx, x.unitId, notice("deadline_yellow", `时限提醒：${x.code}`, `「${x.title}」${stageName}时限 ${due}，请抓紧${todo}`));
      return;
    case "red": {
      await appendCaseEvent(ctx, { ...event, kind: "deadline_red", detail: { stage, dueAt: dueAt.toISOString() } });
      const late = dueAt <= ctx.now;
      const answerBy = late ? addWorkingDays(await loadCalendar(ctx.tx, ctx.now, 30), ctx.now, 1) : dueAt;
      await issueSupervisionOrder(ctx, {
        caseId: task.caseId,
        taskId: task.id,
        unitId: x.unitId,
        demand: late
          ? `案件 ${x.code}「${x.title}」${stageName}已于 ${due} 超期，请于 ${beijingTime(answerBy)} 前${todo}并回复`
          : `案件 ${x.code}「${x.title}」${stageName}即将超期，请于 ${due} 前${todo}`,
        // An order noticed only after the deadline (the app was down) still gives the unit a working day to answer.
        dueAt: answerBy,
        source: "deadline",
      });
      return;
    }
    case "overdue": {
      await appendCaseEvent(ctx, { ...event, kind: "deadline_overdue", detail: { stage, dueAt: dueAt.toISOString() } });
      const escalated = stage === "handle" && task.role === "lead" ? await tryEscalate(ctx, task.caseId, `${stageName}超期（时限 ${due}），自动上提一级`) : null;
      const outcome = escalated === true ? "，案件已上提一级" : typeof escalated === "string" ? `，未能上提（${escalated}），请负责人协调` : "";
      const leaders = await unitAccountsWithRole(ctx, x.unitId, "unit_leader");
      await notifyAccounts(ctx, leaders, notice("deadline_overdue", `超期：${x.code}`, `「${x.title}」${stageName}时限 ${due} 已过${outcome}`));
      return;
    }
  }
}

/**
 * Escalates in a savepoint: when routing refuses (already at the top, no unit at the next level, case not
 * movable) the overdue alert still fires and the leaders hear why; any other error fails the alert.
 */
async function tryEscalate(ctx: Ctx, caseId: number, reason: string): Promise<true | string> {
  try {
    await ctx.tx.transaction((sp) => escalateCase({ ...ctx, tx: sp }, caseId, { reason }));
    return true;
  } catch (err) {
    if (err instanceof AppError) return err.detail ?? CATALOGUE[err.code].zh;
    throw err;
  }
}

/** The deadline timers as a pg-boss sweep, every minute. A pass with failed alerts fails the job (logged) after doing the rest. */
export const deadlineSweep: Sweep = {
  name: "deadlines.sweep",
  cron: "* * * * *",
  run: async (services, now) => {
    const result = await sweepDeadlines(services, now);
    if (result.failed.length) {
      const first = result.failed[0];
      throw new Error(`deadline sweep: ${result.failed.length} alert(s) failed, retried next sweep; first: task ${first.taskId} ${first.stage} ${first.tier}: ${first.error}`);
    }
    return result;
  },
};
