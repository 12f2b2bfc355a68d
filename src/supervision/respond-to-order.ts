// The ordered unit answers a supervision order (督办回复).
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors/catalogue.js";
import { notifyUnit } from "../notifications/notify.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { lockOrder, requireStatus, streetCentresOver } from "./order-state.js";
import { supervisionOrders } from "./schema.js";
import { RESPONDABLE } from "./statuses.js";

export async function respondToOrder(ctx: Ctx, orderId: number, input: { response: string }): Promise<void> {
  const order = await lockOrder(ctx, orderId);
  const actorUnit = ctx.actor.kind === "account" || ctx.actor.kind === "token" ? ctx.actor.unitId : undefined;
  if (ctx.actor.kind !== "system" && actorUnit !== order.unitId) throw new AppError("SUPERVISION_NOT_ORDERED_UNIT");
  requireStatus(order, RESPONDABLE);
  const onTime = ctx.now <= order.dueAt;
  await ctx.tx
    .update(supervisionOrders)
    .set({ status: "responded", response: input.response, respondedByLabel: actorLabel(ctx.actor), respondedAt: ctx.now })
    .where(eq(supervisionOrders.id, orderId));
  await appendCaseEvent(ctx, {
    caseId: order.caseId,
    kind: "supervision_responded",
    taskId: order.taskId,
    unitId: order.unitId,
    detail: { orderId, response: input.response, dueAt: order.dueAt.toISOString(), onTime },
  });
  for (const centre of await streetCentresOver(ctx, order.caseId)) {
    await notifyUnit(ctx, centre, { kind: "supervision_responded", title: `督办已回复：案件 ${order.caseCode}`, body: input.response, caseId: order.caseId, taskId: order.taskId });
  }
  await recordAudit(ctx, {
    action: "supervision.respond",
    subjectType: "supervision_order",
    subjectId: orderId,
    oldValues: { status: order.status },
    newValues: { status: "responded", response: input.response, onTime },
  });
}
