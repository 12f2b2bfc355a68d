// The street centre supervises a warning (督办): a supervision order (source "warning") to a unit, linked to it.
import { eq } from "drizzle-orm";
import { AppError } from "../errors/catalogue.js";
import type { Ctx } from "../server/context.js";
import { issueSupervisionOrder } from "../supervision/issue-order.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { warnings } from "./schema.js";
import { SUPERVISABLE_WARNING } from "./states.js";
import { auditWarning, lockWarning, requireWarningStatus } from "./warning-state.js";

export interface SuperviseInput {
  unitId: number;
  demand: string;
  dueAt: Date;
}

export async function superviseWarning(ctx: Ctx, warningId: number, input: SuperviseInput): Promise<{ orderId: number }> {
  const warning = await lockWarning(ctx, warningId);
  requireWarningStatus(warning, SUPERVISABLE_WARNING);
  if (input.dueAt <= ctx.now) throw new AppError("VALIDATION_FAILED", "督办时限须晚于当前时间");
  const { orderId } = await issueSupervisionOrder(ctx, { caseId: warning.caseId, unitId: input.unitId, demand: input.demand, dueAt: input.dueAt, source: "warning" });
  await ctx.tx.update(warnings).set({ status: "supervised", supervisionOrderId: orderId, supervisedAt: ctx.now }).where(eq(warnings.id, warningId));
  await appendCaseEvent(ctx, { caseId: warning.caseId, kind: "warning_supervised", unitId: input.unitId, detail: { warningId, trigger: warning.trigger, orderId, unitId: input.unitId } });
  await auditWarning(ctx, "warning.supervise", warningId, { oldValues: { status: warning.status }, newValues: { status: "supervised", orderId, unitId: input.unitId, demand: input.demand, dueAt: input.dueAt.toISOString() } });
  return { orderId };
}
