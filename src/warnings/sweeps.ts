// The warnings' timers, every minute:
//   warnings.escalate  a receipt not acknowledged (签收) by its due time escalates once: the unit's leaders and the
//                      street centre are told, the case's timeline shows it. Each receipt is claimed
//                      (UPDATE … WHERE escalated_at IS NULL) in the transaction of its act, one transaction per receipt.
//                      A warning with no feedback on measures (处置反馈) by its feedback time is put to the street
//                      centre once, to supervise (督办): the warning row is locked and its timeline checked in the
//                      transaction of the act.
//   warnings.raise     raises what has become due (raise-due.ts), also run after every formation sweep.
import { and, eq, isNull, sql } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import type { Db } from "../db/client.js";
import type { Sweep, SweepServices } from "../jobs/boss.js";
import { notifyAccounts, notifyUnit, unitAccountsWithRole } from "../notifications/notify.js";
import type { Ctx } from "../server/context.js";
import { beijingTime } from "../supervision/beijing-time.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { units } from "../units/schema.js";
import { raiseDueWarnings } from "./raise-due.js";
import { recipientsOfKind } from "./recipients.js";
import { warningReceipts, warnings } from "./schema.js";
import { WARNING_TRIGGER_NAMES } from "./states.js";
import { auditWarning } from "./warning-state.js";

const ACTOR = { kind: "system", label: "warning-escalation" } as const;
const BATCH = 500;

/** Unacknowledged receipts past due on open warnings (warning_receipts_due_idx), in id order from `afterId`. */
async function overdueReceipts(db: Db, now: Date, afterId: number): Promise<number[]> {
  const { rows } = await db.execute<{ id: number }>(sql`
    SELECT r.id FROM warning_receipts r JOIN warnings w ON w.id = r.warning_id
     WHERE r.acknowledged_at IS NULL AND r.escalated_at IS NULL AND r.ack_due_at <= ${now} AND w.status <> 'closed' AND r.id > ${afterId}
     ORDER BY r.id LIMIT ${BATCH}`);
  return rows.map((r) => Number(r.id));
}

export interface EscalationResult {
  escalated: number;
  failed: { receiptId: number; error: string }[];
}

/** One pass over every overdue receipt. Safe to run repeatedly and on any number of processes. */
export async function escalateUnacknowledged(services: SweepServices, now: Date): Promise<EscalationResult> {
  const result: EscalationResult = { escalated: 0, failed: [] };
  let afterId = 0;
  for (;;) {
    const batch = await overdueReceipts(services.db, now, afterId);
    for (const id of batch) {
      try {
        if (await escalateReceipt(services, id, now)) result.escalated++;
      } catch (err) {
        result.failed.push({ receiptId: id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    if (batch.length < BATCH) return result;
    afterId = batch[batch.length - 1];
  }
}

/** Claims and escalates one receipt in one transaction. False when it was acknowledged or escalated meanwhile. */
export async function escalateReceipt({ db, cipher }: SweepServices, receiptId: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ctx: Ctx = { actor: ACTOR, tx, now, correlationId: `warning-escalate:${receiptId}`, ip: undefined, cipher };
    const [claimed] = await tx
      .update(warningReceipts)
      .set({ escalatedAt: now })
      .where(and(eq(warningReceipts.id, receiptId), isNull(warningReceipts.acknowledgedAt), isNull(warningReceipts.escalatedAt), sql`${warningReceipts.ackDueAt} <= ${now}`))
      .returning();
    if (!claimed) return false;
    const [w] = await tx
      .select({ id: warnings.id, caseId: warnings.caseId, trigger: warnings.trigger, status: warnings.status, code: cases.code, title: cases.title, unitName: units.name })
      .from(warnings)
      .innerJoin(cases, eq(cases.id, warnings.caseId))
      .innerJoin(units, eq(units.id, claimed.unitId))
      .where(eq(warnings.id, claimed.warningId));
    if (!w || w.status === "closed") throw new Error(`receipt ${receiptId}: warning closed meanwhile`); // rolls the claim back
    const notice = {
      caseId: w.caseId,
      title: `预警超时未签收：案件 ${w.code}`,
      body: `「${w.title}」${WARNING_TRIGGER_NAMES[w.trigger]}，${w.unitName}未在 ${beijingTime(claimed.ackDueAt)} 前签收，请负责人过问`,
    };
    await notifyAccounts(ctx, await unitAccountsWithRole(ctx, claimed.unitId, "unit_leader"), { ...notice, kind: "warning_escalated_leader" });
    for (const centre of await recipientsOfKind(ctx, w.id, "street_centre")) await notifyUnit(ctx, centre, { ...notice, kind: "warning_escalated" });
    await appendCaseEvent(ctx, { caseId: w.caseId, kind: "warning_escalated", unitId: claimed.unitId, detail: { warningId: w.id, trigger: w.trigger, unitId: claimed.unitId, ackDueAt: claimed.ackDueAt.toISOString() } });
    await auditWarning(ctx, "warning.escalate", w.id, { newValues: { receiptId, unitId: claimed.unitId, ackDueAt: claimed.ackDueAt.toISOString() } });
    return true;
  });
}

/** Warnings past their feedback time with no feedback, not yet put to the street centre. */
export async function escalateLateFeedback(services: SweepServices, now: Date): Promise<number> {
  const { rows } = await services.db.execute<{ id: number }>(sql`
    SELECT id FROM warnings WHERE status IN ('raised', 'acknowledged') AND first_feedback_at IS NULL AND feedback_due_at <= ${now}
     ORDER BY id LIMIT ${BATCH}`);
  let n = 0;
  for (const { id } of rows) if (await escalateFeedback(services, id, now)) n++;
  return n;
}

/** Puts one warning's missing feedback to the street centre, once. False when there is nothing (left) to do. */
export async function escalateFeedback({ db, cipher }: SweepServices, warningId: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ctx: Ctx = { actor: ACTOR, tx, now, correlationId: `warning-feedback:${warningId}`, ip: undefined, cipher };
    const [w] = await tx
      .select({ id: warnings.id, caseId: warnings.caseId, trigger: warnings.trigger, status: warnings.status, feedbackDueAt: warnings.feedbackDueAt, firstFeedbackAt: warnings.firstFeedbackAt })
      .from(warnings)
      .where(eq(warnings.id, warningId))
      .for("update");
    if (!w || w.firstFeedbackAt || !w.feedbackDueAt || w.feedbackDueAt > now || (w.status !== "raised" && w.status !== "acknowledged")) return false;
    const { rows: done } = await tx.execute(sql`
      SELECT 1 FROM case_events WHERE case_id = ${w.caseId} AND kind = 'warning_escalated'
         AND detail->>'warningId' = ${String(w.id)} AND detail->>'stage' = 'feedback' LIMIT 1`);
    if (done.length) return false;
    const [c] = await tx.select({ code: cases.code, title: cases.title }).from(cases).where(eq(cases.id, w.caseId));
    const notice = {
      caseId: w.caseId,
      kind: "warning_feedback_late",
      title: `预警逾期未反馈：案件 ${c.code}`,
      body: `「${c.title}」${WARNING_TRIGGER_NAMES[w.trigger]}，${beijingTime(w.feedbackDueAt)} 前未收到处置反馈，请督办`,
    };
    for (const centre of await recipientsOfKind(ctx, w.id, "street_centre")) await notifyUnit(ctx, centre, notice);
    await appendCaseEvent(ctx, { caseId: w.caseId, kind: "warning_escalated", detail: { warningId: w.id, trigger: w.trigger, stage: "feedback", feedbackDueAt: w.feedbackDueAt.toISOString() } });
    await auditWarning(ctx, "warning.escalate", w.id, { newValues: { stage: "feedback", feedbackDueAt: w.feedbackDueAt.toISOString() } });
    return true;
  });
}

export const warningEscalationSweep: Sweep = {
  name: "warnings.escalate",
  cron: "* * * * *",
  run: async (services, now) => {
    await escalateLateFeedback(services, now);
    const result = await escalateUnacknowledged(services, now);
    if (result.failed.length) throw new Error(`warning escalation: ${result.failed.length} receipt(s) failed, retried next sweep; first: ${result.failed[0].receiptId}: ${result.failed[0].error}`);
    return result;
  },
};

export const warningRaiseSweep: Sweep = {
  name: "warnings.raise",
  cron: "* * * * *",
  run: (services, now) => raiseDueWarnings(services, now),
};

export const WARNING_SWEEPS: Sweep[] = [warningEscalationSweep, warningRaiseSweep];
