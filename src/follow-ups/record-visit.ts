// Recording a follow-up visit (登记回访): how the parties were contacted, how they are, how satisfied, whether the
// dispute stays settled. Settled: done. Not settled: the recorder reopens the case or opens a linked recurrence, and
// the closure's later visits are cancelled. Nobody reached: a retry visit three days on. One transaction, audited.
import { and, desc, eq } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { caseEvents } from "../tasks/schema.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { auditFollowUp } from "./audit.js";
import { daysBetween, dueOn } from "./days.js";
import { cancelLaterVisits, openRecurrence, reopenCase } from "./reopen-case.js";
import { followUpVisits } from "./schema.js";
import { mayRecord } from "./scope.js";
import { RETRY_AFTER_DAYS, SATISFIED_FROM, VISIT_STATUS_NAMES, type VisitOutcome } from "./states.js";
import type { RecordVisitBody } from "./views.js";
import { closingUnitOf } from "../assessment/score.js";

type Visit = typeof followUpVisits.$inferSelect;

export interface RecordedVisit {
  outcome: VisitOutcome;
  retryVisitId: number | null;
  recurrenceCaseId: number | null;
  cancelledVisitIds: number[];
}

export async function lockVisit(ctx: Pick<Ctx, "tx">, visitId: number): Promise<Visit> {
  const [v] = await ctx.tx.select().from(followUpVisits).where(eq(followUpVisits.id, visitId)).for("update");
  if (!v) throw new AppError("NOT_FOUND");
  return v;
}

export async function recordVisit(ctx: Ctx, visitId: number, input: RecordVisitBody): Promise<RecordedVisit> {
  const visit = await lockVisit(ctx, visitId);
  if (!mayRecord(ctx.actor, visit)) throw new AppError("FORBIDDEN", "只有回访负责人或社治中心可以登记");
  if (visit.status !== "due") throw new AppError("CONFLICT", `该回访${VISIT_STATUS_NAMES[visit.status]}`);
  const unreachable = input.contact === "unreachable";
  if (!unreachable && (input.satisfaction == null || input.settled == null)) throw new AppError("VALIDATION_FAILED", "请填写满意度和是否化解");
  if (!unreachable && input.settled === false && !input.notSettled) throw new AppError("VALIDATION_FAILED", "未化解时请选择重新办理或另立复发案件");

  const result: RecordedVisit = { outcome: "settled", retryVisitId: null, recurrenceCaseId: null, cancelledVisitIds: [] };
  const reason = [input.partiesState, input.note].filter(Boolean).join("；") || "回访发现纠纷未化解";

  if (unreachable) {
    result.outcome = "unreachable";
    result.retryVisitId = await scheduleRetry(ctx, visit);
  } else if (input.settled) {
    result.outcome = "settled";
  } else if (input.notSettled === "reopen") {
    result.outcome = "reopened";
    await reopenCase(ctx, visit.caseId, { reason, visitId });
    result.cancelledVisitIds = await cancelLaterVisits(ctx, visit);
  } else {
    result.outcome = "recurrence";
    result.recurrenceCaseId = (await openRecurrence(ctx, visit.caseId, { reason, visitId })).caseId;
    result.cancelledVisitIds = await cancelLaterVisits(ctx, visit);
  }

  await ctx.tx
    .update(followUpVisits)
    .set({
      status: "done",
      contact: input.contact,
      partiesState: input.partiesState ?? null,
      satisfaction: unreachable ? null : input.satisfaction,
      settled: unreachable ? null : input.settled,
      note: input.note ?? null,
      outcome: result.outcome,
      recurrenceCaseId: result.recurrenceCaseId,
      doneAt: ctx.now,
      doneByLabel: actorLabel(ctx.actor),
    })
    .where(eq(followUpVisits.id, visitId));

  const unitId = await closingUnitOf(ctx, visit.caseId);
  await appendCaseEvent(ctx, {
    caseId: visit.caseId,
    kind: "follow_up_done",
    unitId,
    detail: { visitId, settled: unreachable ? null : input.settled, satisfaction: unreachable ? null : input.satisfaction, outcome: result.outcome, contact: input.contact, offsetDays: visit.offsetDays },
  });
  // The citizen's word on the handling goes to the assessment ledger (the unit that closed the case).
  if (!unreachable && input.satisfaction != null) {
    await appendCaseEvent(ctx, { caseId: visit.caseId, kind: "satisfaction_recorded", unitId, detail: { satisfied: input.satisfaction >= SATISFIED_FROM, score: input.satisfaction, visitId } });
  }
  await auditFollowUp(ctx, {
    action: "follow_up.record",
    subjectType: "follow_up_visit",
    subjectId: visitId,
    oldValues: { status: visit.status },
    newValues: { ...input, status: "done", outcome: result.outcome, retryVisitId: result.retryVisitId, recurrenceCaseId: result.recurrenceCaseId, cancelledVisitIds: result.cancelledVisitIds },
  });
  return result;
}

/** A retry three (Beijing) days on, for the same closure and assignee; a visit already due that day serves instead. */
async function scheduleRetry(ctx: Ctx, visit: Visit): Promise<number | null> {
  let offsetDays = daysBetween(visit.closedAt, ctx.now) + RETRY_AFTER_DAYS;
  for (;;) {
    const [existing] = await ctx.tx
      .select({ id: followUpVisits.id, status: followUpVisits.status })
      .from(followUpVisits)
      .where(and(eq(followUpVisits.caseId, visit.caseId), eq(followUpVisits.closedAt, visit.closedAt), eq(followUpVisits.offsetDays, offsetDays)));
    if (existing?.status === "due") return existing.id;
    if (!existing) break;
    offsetDays++;
  }
  const [retry] = await ctx.tx
    .insert(followUpVisits)
    .values({
      caseId: visit.caseId,
      closedAt: visit.closedAt,
      offsetDays,
      dueAt: dueOn(visit.closedAt, offsetDays),
      assigneeAccountId: visit.assigneeAccountId,
      assigneeKind: visit.assigneeKind,
      unitId: visit.unitId,
      createdAt: ctx.now,
    })
    .returning({ id: followUpVisits.id });
  await appendCaseEvent(ctx, { caseId: visit.caseId, kind: "follow_up_scheduled", unitId: visit.unitId, detail: { visitIds: [retry.id], offsets: [offsetDays], retryOf: visit.id } });
  return retry.id;
}

