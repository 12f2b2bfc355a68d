// The ODR funnel (咨询 → 评估 → 调解 → 仲裁 → 诉讼): one case's stage, every move recorded with its reason.
// Forward moves may skip stages (a failed mediation goes straight to litigation); a reason is recorded for each,
// written by the person or, for a move the system makes, named after what caused it. Going back (the court or an
// arbitration body sends the case back to mediation, a case was moved by mistake) is allowed to any earlier stage,
// but only with a reason the person writes.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../audit/record.js";
import { cases } from "../../cases/schema.js";
import { AppError } from "../../errors/catalogue.js";
import { actorLabel, type Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { MEDIATION_STAGES, MEDIATION_STAGE_NAMES, type MediationStage } from "../kinds.js";
import { mediationStageChanges } from "../schema.js";

export interface StageMove {
  to: MediationStage;
  /** Required when going back; a forward move without one records "进入…阶段". */
  reason?: string | null;
}

export const stageIndex = (s: string | null) => (s == null ? -1 : MEDIATION_STAGES.indexOf(s as MediationStage));

/** Moves the case (locked for the move) and records it; returns the change row's id. */
export async function moveStage(ctx: Ctx, caseId: number, move: StageMove): Promise<number> {
  const [row] = await ctx.tx.select({ stage: cases.mediationStage }).from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw new AppError("NOT_FOUND");
  const from = row.stage as MediationStage | null;
  if (from === move.to) throw new AppError("MEDIATION_STAGE_MOVE", `案件已处于${MEDIATION_STAGE_NAMES[move.to]}阶段`);
  const backward = stageIndex(move.to) < stageIndex(from);
  const written = move.reason?.trim() ?? "";
  if (backward && written.length < 2) throw new AppError("MEDIATION_STAGE_MOVE", "退回前一阶段须说明理由");
  const reason = written || `进入${MEDIATION_STAGE_NAMES[move.to]}阶段`;

  await ctx.tx.update(cases).set({ mediationStage: move.to, updatedAt: ctx.now }).where(eq(cases.id, caseId));
  const [change] = await ctx.tx
    .insert(mediationStageChanges)
    .values({ caseId, fromStage: from, toStage: move.to, reason, actorLabel: actorLabel(ctx.actor), at: ctx.now })
    .returning({ id: mediationStageChanges.id });
  await appendCaseEvent(ctx, { caseId, kind: "stage_changed", detail: { from, to: move.to, reason, backward } });
  await recordAudit(ctx, { action: "mediation.stage_move", subjectType: "case", subjectId: caseId, oldValues: { stage: from }, newValues: { stage: move.to, reason } });
  return change.id;
}

/**
 * A move the system makes because of something else (a session scheduled → mediation; a referral → arbitration or
 * litigation): only ever forward, and nothing when the case is already there or further on.
 */
export async function advanceStage(ctx: Ctx, caseId: number, to: MediationStage, reason: string): Promise<boolean> {
  const [row] = await ctx.tx.select({ stage: cases.mediationStage }).from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row || stageIndex(row.stage) >= stageIndex(to)) return false;
  await moveStage(ctx, caseId, { to, reason });
  return true;
}

/** The case's moves, oldest first. */
export async function listStageChanges(ctx: Pick<Ctx, "tx">, caseId: number) {
  return ctx.tx.select().from(mediationStageChanges).where(eq(mediationStageChanges.caseId, caseId)).orderBy(sql`${mediationStageChanges.at}, ${mediationStageChanges.id}`);
}
