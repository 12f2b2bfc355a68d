// A recipient unit acknowledges a warning (签收). When every recipient has, the warning is acknowledged.
import { and, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "../errors/catalogue.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { warningReceipts, warnings } from "./schema.js";
import { RESPONDABLE_WARNING } from "./states.js";
import { auditWarning, lockWarning, ownReceipt, requireWarningStatus } from "./warning-state.js";

export async function acknowledgeWarning(ctx: Ctx, warningId: number): Promise<void> {
  const warning = await lockWarning(ctx, warningId);
  const receipt = await ownReceipt(ctx, warningId);
  requireWarningStatus(warning, RESPONDABLE_WARNING);
  if (receipt.acknowledgedAt) throw new AppError("WARNING_WRONG_STATE", "本单位已签收该预警");
  const onTime = ctx.now <= receipt.ackDueAt;
  await ctx.tx
    .update(warningReceipts)
    .set({ acknowledgedAt: ctx.now, acknowledgedByLabel: actorLabel(ctx.actor) })
    .where(eq(warningReceipts.id, receipt.id));
  const [{ pending }] = await ctx.tx
    .select({ pending: sql<number>`count(*)::int` })
    .from(warningReceipts)
    .where(and(eq(warningReceipts.warningId, warningId), isNull(warningReceipts.acknowledgedAt)));
  const allIn = pending === 0;
  if (allIn) {
    await ctx.tx
      .update(warnings)
      .set({ acknowledgedAt: ctx.now, ...(warning.status === "raised" ? { status: "acknowledged" as const } : {}) })
      .where(eq(warnings.id, warningId));
  }
  await appendCaseEvent(ctx, { caseId: warning.caseId, kind: "warning_acknowledged", unitId: receipt.unitId, detail: { warningId, trigger: warning.trigger, unitId: receipt.unitId, onTime, allAcknowledged: allIn } });
  await auditWarning(ctx, "warning.acknowledge", warningId, {
    oldValues: { status: warning.status },
    newValues: { unitId: receipt.unitId, onTime, status: allIn && warning.status === "raised" ? "acknowledged" : warning.status },
  });
}
