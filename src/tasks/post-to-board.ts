// The street centre posts a case as an open call (揭榜): its current lead task ends, a posted task takes its place.
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import type { Ctx } from "../server/context.js";
import type { UnitKind } from "../units/kinds.js";
import { endOpenLeadTask } from "./end-lead-task.js";
import { openLeadTask } from "./open-lead-task.js";
import type { HandlingLevel } from "./states.js";

export async function postToBoard(ctx: Ctx, caseId: number, input: { eligibleKinds: UnitKind[]; reason: string; urgency?: "normal" | "urgent" }) {
  const [kase] = await ctx.tx.select({ level: cases.handlingLevel, status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (!kase) throw new AppError("NOT_FOUND");
  if (kase.status === "closed") throw new AppError("TASK_STATE", "案件已结案");
  await endOpenLeadTask(ctx, caseId, `发布揭榜：${input.reason}`);
  const level = (kase.level ?? "community") as HandlingLevel;
  const { taskId } = await openLeadTask(ctx, { caseId, unitId: null, level, via: "claim", eligibleKinds: input.eligibleKinds, urgency: input.urgency });
  await recordAudit(ctx, { action: "task.post", subjectType: "case", subjectId: caseId, newValues: { taskId, eligibleKinds: input.eligibleKinds, reason: input.reason } });
  return { taskId };
}
