// The street centre escalates a supervision order (督办升级): the unit's leaders are told in person, and the order
// may be raised to another unit (a level up) which is told as well. The ordered unit still answers it.
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors/catalogue.js";
import { notifyAccounts, notifyUnit, unitAccountsWithRole } from "../notifications/notify.js";
import type { Ctx } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { units } from "../units/schema.js";
import { lockOrder, requireStatus } from "./order-state.js";
import { supervisionOrders } from "./schema.js";
import { ESCALATABLE } from "./statuses.js";

export async function escalateOrder(ctx: Ctx, orderId: number, input: { toUnitId?: number | null; note: string }): Promise<void> {
  const order = await lockOrder(ctx, orderId);
  requireStatus(order, ESCALATABLE);
  const toUnitId = input.toUnitId ?? null;
  if (toUnitId != null) {
    const [unit] = await ctx.tx.select({ id: units.id }).from(units).where(and(eq(units.id, toUnitId), eq(units.active, true)));
    if (!unit) throw new AppError("VALIDATION_FAILED", "升级对象单位不存在或已停用");
  }
  await ctx.tx
    .update(supervisionOrders)
    .set({ status: "escalated", escalatedToUnitId: toUnitId ?? order.escalatedToUnitId, escalatedAt: ctx.now })
    .where(eq(supervisionOrders.id, orderId));
  await appendCaseEvent(ctx, {
    caseId: order.caseId,
    kind: "supervision_escalated",
    taskId: order.taskId,
    unitId: order.unitId,
    detail: { orderId, note: input.note, toUnitId, previousStatus: order.status },
  });
  const notice = { caseId: order.caseId, taskId: order.taskId, body: input.note };
  await notifyUnit(ctx, order.unitId, { ...notice, kind: "supervision_escalated", title: `督办升级：案件 ${order.caseCode}` });
  await notifyAccounts(ctx, await unitAccountsWithRole(ctx, order.unitId, "unit_leader"), {
    ...notice,
    kind: "supervision_escalated_leader",
    title: `本单位督办已升级，请负责人过问：案件 ${order.caseCode}`,
  });
  if (toUnitId != null && toUnitId !== order.unitId) {
    await notifyUnit(ctx, toUnitId, { ...notice, kind: "supervision_escalated", title: `督办升级至本单位：案件 ${order.caseCode}` });
    await notifyAccounts(ctx, await unitAccountsWithRole(ctx, toUnitId, "unit_leader"), {
      ...notice,
      kind: "supervision_escalated_leader",
      title: `督办升级至本单位，请负责人过问：案件 ${order.caseCode}`,
    });
  }
  await recordAudit(ctx, {
    action: "supervision.escalate",
    subjectType: "supervision_order",
    subjectId: orderId,
    oldValues: { status: order.status, escalatedToUnitId: order.escalatedToUnitId },
    newValues: { status: "escalated", escalatedToUnitId: toUnitId, note: input.note },
  });
}
