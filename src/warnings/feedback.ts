// A recipient unit reports the measures it took (处置反馈). The first feedback moves the warning on and makes it closable.
import { eq } from "drizzle-orm";
import { AppError } from "../errors/catalogue.js";
import { notifyUnit } from "../notifications/notify.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { recipientsOfKind } from "./recipients.js";
import { warningFeedback, warnings } from "./schema.js";
import { RESPONDABLE_WARNING } from "./states.js";
import { auditWarning, lockWarning, ownReceipt, requireWarningStatus } from "./warning-state.js";

export async function recordWarningFeedback(ctx: Ctx, warningId: number, input: { measures: string }): Promise<void> {
  const warning = await lockWarning(ctx, warningId);
  const receipt = await ownReceipt(ctx, warningId);
  requireWarningStatus(warning, RESPONDABLE_WARNING);
  if (!receipt.acknowledgedAt) throw new AppError("WARNING_WRONG_STATE", "请先签收预警，再反馈处置措施");
  const [row] = await ctx.tx
    .insert(warningFeedback)
    .values({ warningId, unitId: receipt.unitId, measures: input.measures, byLabel: actorLabel(ctx.actor), at: ctx.now })
    .returning({ id: warningFeedback.id });
  // Supervision stays the current step: feedback during it is the answer to it.
  const status = warning.status === "raised" || warning.status === "acknowledged" ? "feedback" : warning.status;
  await ctx.tx
    .update(warnings)
    .set({ status, firstFeedbackAt: warning.firstFeedbackAt ?? ctx.now })
    .where(eq(warnings.id, warningId));
  await appendCaseEvent(ctx, { caseId: warning.caseId, kind: "warning_feedback", unitId: receipt.unitId, detail: { warningId, trigger: warning.trigger, unitId: receipt.unitId, measures: input.measures } });
  for (const centre of await recipientsOfKind(ctx, warningId, "street_centre")) {
    if (centre !== receipt.unitId) await notifyUnit(ctx, centre, { kind: "warning_feedback", title: `预警处置反馈：案件 ${warning.caseCode}`, body: input.measures, caseId: warning.caseId });
  }
  await auditWarning(ctx, "warning.feedback", warningId, { oldValues: { status: warning.status }, newValues: { status, feedbackId: row.id, unitId: receipt.unitId, measures: input.measures } });
}
