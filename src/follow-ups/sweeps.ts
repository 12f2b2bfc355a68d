// The follow-up timers: a visit still due once its day has ended is overdue, and warns like any deadline — the
// assignee, their unit's leaders and the street centre are told, and the case's timeline shows it. Each visit's
// alert is claimed (overdue_alerted_at set by the UPDATE that finds it still unalerted) in the transaction of its
// act, one transaction per visit, so a retry or a second process never warns twice.
import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import { cases } from "../cases/schema.js";
import type { Sweep, SweepServices } from "../jobs/boss.js";
import { notifyAccounts, notifyUnit, unitAccountsWithRole } from "../notifications/notify.js";
import { regionNodes } from "../regions/schema.js";
import type { Ctx } from "../server/context.js";
import { streetCentreUnitId } from "../tasks/load-task.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { auditFollowUp } from "./audit.js";
import { beijingDate, beijingDay, beijingMidnight } from "./days.js";
import { followUpVisits } from "./schema.js";

const ACTOR = { kind: "system", label: "follow-up-sweep" } as const;
const BATCH = 500;

export interface OverdueResult {
  alerted: number;
  failed: { visitId: number; error: string }[];
}

/** Warns of every visit whose due day ended before `now`'s Beijing day, once each. */
export async function sweepOverdueVisits({ db, cipher }: SweepServices, now: Date): Promise<OverdueResult> {
  const result: OverdueResult = { alerted: 0, failed: [] };
  const todayStart = beijingMidnight(beijingDay(now));
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select({ id: followUpVisits.id })
      .from(followUpVisits)
      .where(and(eq(followUpVisits.status, "due"), isNull(followUpVisits.overdueAlertedAt), lt(followUpVisits.dueAt, todayStart), gt(followUpVisits.id, afterId)))
      .orderBy(asc(followUpVisits.id))
      .limit(BATCH);
    for (const { id } of batch) {
      try {
        const fired = await db.transaction((tx) => alertOverdue({ actor: ACTOR, tx, now, correlationId: `follow-up-overdue:${id}`, ip: undefined, cipher }, id, todayStart));
        if (fired) result.alerted++;
      } catch (err) {
        result.failed.push({ visitId: id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    if (batch.length < BATCH) return result;
    afterId = batch[batch.length - 1].id;
  }
}

/** Claims the visit's overdue alert and acts on it. False when it was done, cancelled or already alerted meanwhile. */
export async function alertOverdue(ctx: Ctx, visitId: number, todayStart: Date): Promise<boolean> {
  const [v] = await ctx.tx
    .update(followUpVisits)
    .set({ overdueAlertedAt: ctx.now })
    .where(and(eq(followUpVisits.id, visitId), eq(followUpVisits.status, "due"), isNull(followUpVisits.overdueAlertedAt), lt(followUpVisits.dueAt, todayStart)))
    .returning();
  if (!v) return false;
  const [c] = await ctx.tx
    .select({ code: cases.code, title: cases.title, path: regionNodes.path })
    .from(cases)
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .where(eq(cases.id, v.caseId));
  const [assignee] = v.assigneeAccountId != null ? await ctx.tx.select({ unitId: accounts.unitId, name: accounts.displayName }).from(accounts).where(eq(accounts.id, v.assigneeAccountId)) : [];
  const unitId = assignee?.unitId ?? v.unitId;
  const due = beijingDate(v.dueAt);
  const notice = (kind: string, title: string) => ({ kind, title, body: `「${c.title}」结案后第 ${v.offsetDays} 天回访应于 ${due} 完成${assignee ? `，负责人：${assignee.name}` : ""}`, caseId: v.caseId });

  await appendCaseEvent(ctx, { caseId: v.caseId, kind: "follow_up_overdue", unitId, detail: { visitId, dueAt: v.dueAt.toISOString(), offsetDays: v.offsetDays, assigneeAccountId: v.assigneeAccountId } });
  if (v.assigneeAccountId != null) await notifyAccounts(ctx, [v.assigneeAccountId], notice("follow_up_overdue", `回访逾期：${c.code}`));
  else if (v.unitId != null) await notifyUnit(ctx, v.unitId, notice("follow_up_overdue", `回访逾期：${c.code}`));
  if (unitId != null) await notifyAccounts(ctx, await unitAccountsWithRole(ctx, unitId, "unit_leader"), notice("follow_up_overdue_leader", `本单位回访逾期，请负责人过问：${c.code}`));
  const centre = await streetCentreUnitId(ctx.tx, c.path);
  if (centre != null && centre !== unitId) await notifyUnit(ctx, centre, notice("follow_up_overdue", `回访逾期：${c.code}`));
  await auditFollowUp(ctx, { action: "follow_up.overdue", subjectType: "follow_up_visit", subjectId: visitId, newValues: { dueAt: v.dueAt.toISOString(), unitId } });
  return true;
}

export const followUpOverdueSweep: Sweep = {
  name: "follow-ups.overdue",
  cron: "* * * * *",
  run: async (services, now) => {
    const result = await sweepOverdueVisits(services, now);
    if (result.failed.length) throw new Error(`follow-up sweep: ${result.failed.length} visit(s) failed, retried next sweep; first: visit ${result.failed[0].visitId}: ${result.failed[0].error}`);
    return result;
  },
};

export const FOLLOW_UP_SWEEPS: Sweep[] = [followUpOverdueSweep];
