// The street centre closes a supervision order (督办办结), usually after the unit's response.
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { notifyUnit } from "../notifications/notify.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { lockOrder, requireStatus } from "./order-state.js";
import { supervisionOrders } from "./schema.js";
import { CLOSABLE } from "./statuses.js";

export async function closeOrder(ctx: Ctx, orderId: number, input: { note: string }): Promise<void> {
  const order = await lockOrder(ctx, orderId);
  requireStatus(order, CLOSABLE);
  await ctx.tx
    .update(supervisionOrders)
    .set({ status: "closed", closingNote: input.note, closedByLabel: actorLabel(ctx.actor), closedAt: ctx.now })
    .where(eq(supervisionOrders.id, orderId));
  await appendCaseEvent(ctx, {
    caseId: order.caseId,
    kind: "supervision_closed",
    taskId: order.taskId,
    unitId: order.unitId,
    detail: { orderId, note: input.note, previousStatus: order.status },
  });
  await notifyUnit(ctx, order.unitId, { kind: "supervision_closed", title: `督办已办结：案件 ${order.caseCode}`, body: input.note, caseId: order.caseId, taskId: order.taskId });
  await recordAudit(ctx, {
    action: "supervision.close",
    subjectType: "supervision_order",
    subjectId: orderId,
    oldValues: { status: order.status },
    newValues: { status: "closed", note: input.note },
  });
}
