// The street centre closes a warning (销号) with its outcome, once at least one unit has reported its measures.
import { eq } from "drizzle-orm";
import { AppError } from "../errors/catalogue.js";
import { notifyUnit } from "../notifications/notify.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { warningReceipts, warnings } from "./schema.js";
import { CLOSABLE_WARNING } from "./states.js";
import { auditWarning, lockWarning, requireWarningStatus } from "./warning-state.js";

export async function closeWarning(ctx: Ctx, warningId: number, input: { outcome: string }): Promise<void> {
  const warning = await lockWarning(ctx, warningId);
  requireWarningStatus(warning, CLOSABLE_WARNING);
  if (!warning.firstFeedbackAt) throw new AppError("WARNING_WRONG_STATE", "尚无处置反馈，不能销号");
  await ctx.tx
    .update(warnings)
    .set({ status: "closed", outcome: input.outcome, closedByLabel: actorLabel(ctx.actor), closedAt: ctx.now })
    .where(eq(warnings.id, warningId));
  await appendCaseEvent(ctx, { caseId: warning.caseId, kind: "warning_closed", detail: { warningId, trigger: warning.trigger, outcome: input.outcome, previousStatus: warning.status } });
  const recipients = await ctx.tx.select({ unitId: warningReceipts.unitId }).from(warningReceipts).where(eq(warningReceipts.warningId, warningId));
  for (const r of recipients) await notifyUnit(ctx, r.unitId, { kind: "warning_closed", title: `预警已销号：案件 ${warning.caseCode}`, body: input.outcome, caseId: warning.caseId });
  await auditWarning(ctx, "warning.close", warningId, { oldValues: { status: warning.status }, newValues: { status: "closed", outcome: input.outcome } });
}
