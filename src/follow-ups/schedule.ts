// Scheduling the follow-up visits (回访) of a closure: one visit per day of the rule that applies to the case,
// counted from the case's closing time, assigned to its mediator, grid worker or lead unit. Idempotent: a visit is
// unique per (case, closure, day), so scheduling a closure twice adds nothing.
import { eq } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import { notifyAccounts, notifyUnit } from "../notifications/notify.js";
import type { Ctx } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { chooseAssignee, type Assignee } from "./assignee.js";
import { auditFollowUp } from "./audit.js";
import { beijingDate, dueOn } from "./days.js";
import { offsetsFor } from "./rules.js";
import { followUpVisits } from "./schema.js";

export interface Scheduled {
  visitIds: number[];
  offsets: number[];
  assignee: Assignee | null;
}

/** Schedules the visits of the case's current closure. Nothing when the case is not closed. */
export async function scheduleFollowUps(ctx: Ctx, caseId: number): Promise<Scheduled> {
  const [c] = await ctx.tx
    .select({ id: cases.id, code: cases.code, title: cases.title, status: cases.status, closedAt: cases.closedAt, category: cases.category, riskLevel: cases.riskLevel })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!c || c.status !== "closed" || !c.closedAt) return { visitIds: [], offsets: [], assignee: null };
  const closedAt = c.closedAt;
  const { offsets, ruleId } = await offsetsFor(ctx.tx, c.category, c.riskLevel);
  if (!offsets.length) return { visitIds: [], offsets: [], assignee: null };
  const assignee = await chooseAssignee(ctx.tx, caseId);
  const inserted = await ctx.tx
    .insert(followUpVisits)
    .values(
      offsets.map((offsetDays) => ({
        caseId,
        closedAt,
        offsetDays,
        dueAt: dueOn(closedAt, offsetDays),
        assigneeAccountId: assignee.accountId,
        assigneeKind: assignee.kind,
        unitId: assignee.unitId,
        createdAt: ctx.now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: followUpVisits.id, offsetDays: followUpVisits.offsetDays, dueAt: followUpVisits.dueAt });
  if (!inserted.length) return { visitIds: [], offsets: [], assignee };
  const visitIds = inserted.map((v) => v.id);
  const days = inserted.map((v) => v.offsetDays);
  await appendCaseEvent(ctx, {
    caseId,
    kind: "follow_up_scheduled",
    unitId: assignee.unitId,
    detail: { visitIds, offsets: days, closedAt: closedAt.toISOString(), assigneeKind: assignee.kind, assigneeAccountId: assignee.accountId, ruleId },
  });
  const first = inserted.reduce((a, b) => (a.dueAt <= b.dueAt ? a : b));
  const notice = {
    kind: "follow_up_scheduled",
    title: `回访安排：案件 ${c.code}`,
    body: `「${c.title}」已结案，请于结案后第 ${days.join("、")} 天回访当事人；首次回访 ${beijingDate(first.dueAt)}`,
    caseId,
  };
  if (assignee.accountId != null) await notifyAccounts(ctx, [assignee.accountId], notice);
  else if (assignee.unitId != null) await notifyUnit(ctx, assignee.unitId, notice);
  await auditFollowUp(ctx, {
    action: "follow_up.schedule",
    subjectType: "case",
    subjectId: caseId,
    newValues: { visitIds, offsets: days, closedAt: closedAt.toISOString(), assignee, ruleId },
  });
  return { visitIds, offsets: days, assignee };
}
