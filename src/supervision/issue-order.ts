// Issuing a supervision order (督办): by the street centre on a case, or by the deadline sweep when a timer turns red.
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import { notifyUnit } from "../notifications/notify.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { tasks } from "../tasks/schema.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { units } from "../units/schema.js";
import { beijingTime } from "./beijing-time.js";
import { supervisionOrders } from "./schema.js";
import type { SupervisionSource } from "./statuses.js";

export interface IssueOrderInput {
  caseId: number;
  taskId?: number | null;
  unitId: number;
  demand: string;
  dueAt: Date;
  source: SupervisionSource;
}

export async function issueSupervisionOrder(ctx: Ctx, input: IssueOrderInput): Promise<{ orderId: number }> {
  const [kase] = await ctx.tx.select({ id: cases.id, code: cases.code }).from(cases).where(eq(cases.id, input.caseId));
  if (!kase) throw new AppError("NOT_FOUND", "案件不存在");
  const [unit] = await ctx.tx.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), eq(units.active, true)));
  if (!unit) throw new AppError("VALIDATION_FAILED", "被督办单位不存在或已停用");
  if (input.taskId != null) {
    const [task] = await ctx.tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, input.taskId), eq(tasks.caseId, input.caseId)));
    if (!task) throw new AppError("VALIDATION_FAILED", "任务不属于该案件");
  }
  const [order] = await ctx.tx
    .insert(supervisionOrders)
    .values({
      caseId: input.caseId,
      taskId: input.taskId ?? null,
      unitId: input.unitId,
      demand: input.demand,
      dueAt: input.dueAt,
      source: input.source,
      issuedByLabel: actorLabel(ctx.actor),
      issuedAt: ctx.now,
    })
    .returning();
  await appendCaseEvent(ctx, {
    caseId: input.caseId,
    kind: "supervision_issued",
    taskId: input.taskId ?? null,
    unitId: input.unitId,
    detail: { orderId: order.id, demand: input.demand, dueAt: input.dueAt.toISOString(), source: input.source },
  });
  await notifyUnit(ctx, input.unitId, {
    kind: "supervision_issued",
    title: `督办：案件 ${kase.code}`,
    body: `${input.demand}（请于 ${beijingTime(input.dueAt)} 前回复）`,
    caseId: input.caseId,
    taskId: input.taskId ?? null,
  });
  await recordAudit(ctx, {
    action: "supervision.issue",
    subjectType: "supervision_order",
    subjectId: order.id,
    newValues: { caseId: input.caseId, taskId: input.taskId ?? null, unitId: input.unitId, demand: input.demand, dueAt: input.dueAt.toISOString(), source: input.source },
  });
  return { orderId: order.id };
}
