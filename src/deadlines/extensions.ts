// Extensions (延期): the task's unit asks for more working days on an open stage; the street centre decides.
// An approval moves the stage's due, yellow and red times; every step is on the case's timeline.
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors/catalogue.js";
import { notifyUnit } from "../notifications/notify.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { beijingTime } from "../supervision/beijing-time.js";
import { loadTaskForAction, requireOwnUnit, streetCentreUnitId } from "../tasks/load-task.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { extensionRequests, type DeadlineStage } from "./schema.js";
import { extendStageDeadline, lockOpenDeadline } from "./stage-deadlines.js";
import { DEADLINE_STAGE_NAMES } from "./stages.js";

export interface ExtensionInput {
  taskId: number;
  stage: DeadlineStage;
  workingDays: number;
  reason: string;
}

export async function requestExtension(ctx: Ctx, input: ExtensionInput) {
  const { task, caseRow, regionPath } = await loadTaskForAction(ctx, input.taskId, "tasks.handle");
  requireOwnUnit(ctx.actor, task);
  // Locking the stage's deadline serialises two requests for it (one pending at a time).
  const deadline = await lockOpenDeadline(ctx, task.id, input.stage);
  if (!deadline) throw new AppError("STAGE_NOT_OPEN");
  const [pending] = await ctx.tx
    .select({ id: extensionRequests.id })
    .from(extensionRequests)
    .where(and(eq(extensionRequests.taskId, task.id), eq(extensionRequests.stage, input.stage), eq(extensionRequests.status, "pending")));
  if (pending) throw new AppError("EXTENSION_PENDING");
  const [request] = await ctx.tx
    .insert(extensionRequests)
    .values({ taskId: task.id, stage: input.stage, workingDays: input.workingDays, reason: input.reason, requestedByLabel: actorLabel(ctx.actor), requestedAt: ctx.now })
    .returning();
  await appendCaseEvent(ctx, {
    caseId: task.caseId,
    kind: "extension_requested",
    taskId: task.id,
    unitId: task.unitId,
    detail: { requestId: request.id, stage: input.stage, workingDays: input.workingDays, reason: input.reason },
  });
  const centre = await streetCentreUnitId(ctx.tx, regionPath);
  if (centre != null) {
    await notifyUnit(ctx, centre, {
      kind: "extension_requested",
      title: `延期申请待审批：${caseRow.code}`,
      body: `${DEADLINE_STAGE_NAMES[input.stage]}环节申请延期 ${input.workingDays} 个工作日：${input.reason}`,
      caseId: task.caseId,
      taskId: task.id,
    });
  }
  await recordAudit(ctx, { action: "extension.request", subjectType: "task", subjectId: task.id, newValues: { requestId: request.id, stage: input.stage, workingDays: input.workingDays, reason: input.reason } });
  return request;
}

export async function decideExtension(ctx: Ctx, requestId: number, decision: { approve: boolean; note: string }) {
  const [request] = await ctx.tx.select().from(extensionRequests).where(eq(extensionRequests.id, requestId)).for("update");
  if (!request) throw new AppError("NOT_FOUND");
  const { task, caseRow } = await loadTaskForAction(ctx, request.taskId, "extensions.decide");
  if (request.status !== "pending") throw new AppError("EXTENSION_DECIDED");
  let dueAt: Date | null = null;
  if (decision.approve) {
    const deadline = await lockOpenDeadline(ctx, task.id, request.stage);
    if (!deadline) throw new AppError("STAGE_NOT_OPEN", "该环节已结束，延期不再需要");
    dueAt = (await extendStageDeadline(ctx, deadline, request.workingDays)).dueAt;
  }
  const status = decision.approve ? ("approved" as const) : ("rejected" as const);
  const [decided] = await ctx.tx
    .update(extensionRequests)
    .set({ status, decidedByLabel: actorLabel(ctx.actor), decidedAt: ctx.now, decisionNote: decision.note })
    .where(eq(extensionRequests.id, request.id))
    .returning();
  await appendCaseEvent(ctx, {
    caseId: task.caseId,
    kind: decision.approve ? "extension_approved" : "extension_rejected",
    taskId: task.id,
    unitId: task.unitId,
    detail: { requestId: request.id, stage: request.stage, workingDays: request.workingDays, note: decision.note, ...(dueAt ? { dueAt: dueAt.toISOString() } : {}) },
  });
  if (task.unitId != null) {
    await notifyUnit(ctx, task.unitId, {
      kind: decision.approve ? "extension_approved" : "extension_rejected",
      title: `${decision.approve ? "延期已批准" : "延期未批准"}：${caseRow.code}`,
      body: decision.approve
        ? `${DEADLINE_STAGE_NAMES[request.stage]}环节延期 ${request.workingDays} 个工作日，新时限 ${beijingTime(dueAt!)}。${decision.note}`
        : decision.note,
      caseId: task.caseId,
      taskId: task.id,
    });
  }
  await recordAudit(ctx, {
    action: "extension.decide",
    subjectType: "extension_request",
    subjectId: request.id,
    oldValues: { status: "pending" },
    newValues: { status, note: decision.note, dueAt: dueAt?.toISOString() ?? null },
  });
  return decided;
}
