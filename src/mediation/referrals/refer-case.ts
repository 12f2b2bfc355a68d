// 诉调衔接: when mediation fails, the case is handed to arbitration, legal aid or the court with guidance for the
// party; a referral to arbitration or litigation moves the funnel on (never back). Status: sent → accepted → closed
// (sent → closed when the body never took it up).
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { cases } from "../../cases/schema.js";
import { AppError } from "../../errors/catalogue.js";
import { notifyUnit } from "../../notifications/notify.js";
import { actorLabel, type Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { units } from "../../units/schema.js";
import { advanceStage } from "../funnel/move-stage.js";
import { REFERRAL_KIND_NAMES, REFERRAL_STATUS_NAMES } from "../kinds.js";
import { referrals } from "../schema.js";
import { guidanceFor } from "./guidance.js";
import type { CreateReferralBody, UpdateReferralBody } from "./views.js";

/** The unit a referral goes to: the one named, else the court for litigation; arbitration and legal aid go to a named body. */
async function targetUnit(ctx: Ctx, kind: string, unitId?: number) {
  if (unitId != null) {
    const [u] = await ctx.tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, unitId));
    if (!u) throw new AppError("VALIDATION_FAILED", "接收单位不存在", [{ path: "targetUnitId", message: "不存在" }]);
    return u;
  }
  if (kind !== "litigation") return null;
  const [court] = await ctx.tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.kind, "court")).orderBy(asc(units.id)).limit(1);
  return court ?? null;
}

export async function createReferral(ctx: Ctx, caseId: number, input: z.infer<typeof CreateReferralBody>): Promise<number> {
  const [c] = await ctx.tx.select({ code: cases.code, title: cases.title, category: cases.category }).from(cases).where(eq(cases.id, caseId));
  const template = guidanceFor(input.kind, input.arbitrationKind ?? (c.category === "LD" ? "labour" : "commercial"));
  const unit = await targetUnit(ctx, input.kind, input.targetUnitId);
  const targetName = input.targetName ?? unit?.name ?? template.target;
  const [row] = await ctx.tx
    .insert(referrals)
    .values({
      caseId,
      kind: input.kind,
      targetUnitId: unit?.id ?? null,
      targetName,
      guidance: input.guidance ?? template.text,
      note: input.note || null,
      createdByLabel: actorLabel(ctx.actor),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: referrals.id });
  if (input.kind !== "legal_aid") await advanceStage(ctx, caseId, input.kind, `调解不成，${REFERRAL_KIND_NAMES[input.kind]}：移交${targetName}`);
  await appendCaseEvent(ctx, { caseId, unitId: unit?.id ?? null, kind: "referral_sent", detail: { referralId: row.id, kind: input.kind, targetName, status: "sent", note: input.note ?? "" } });
  if (unit) await notifyUnit(ctx, unit.id, { kind: "referral", title: `诉调衔接移交：${c.title}`, body: `${c.code} · ${REFERRAL_KIND_NAMES[input.kind]}`, caseId });
  await recordAudit(ctx, { action: "referral.create", subjectType: "referral", subjectId: row.id, newValues: { caseId, kind: input.kind, targetUnitId: unit?.id ?? null, targetName } });
  return row.id;
}

const NEXT: Record<string, readonly string[]> = { sent: ["accepted", "closed"], accepted: ["closed"] };

export async function updateReferral(ctx: Ctx, referralId: number, input: z.infer<typeof UpdateReferralBody>): Promise<void> {
  const [r] = await ctx.tx.select().from(referrals).where(eq(referrals.id, referralId)).for("update");
  if (!r) throw new AppError("NOT_FOUND");
  if (!(NEXT[r.status] ?? []).includes(input.status)) throw new AppError("REFERRAL_STATE", `当前为「${REFERRAL_STATUS_NAMES[r.status]}」`);
  const note = input.note?.trim() || r.note;
  await ctx.tx.update(referrals).set({ status: input.status, note, updatedAt: ctx.now }).where(eq(referrals.id, referralId));
  await appendCaseEvent(ctx, { caseId: r.caseId, unitId: r.targetUnitId, kind: "referral_updated", detail: { referralId, kind: r.kind, targetName: r.targetName, status: input.status, note: input.note ?? "" } });
  await recordAudit(ctx, { action: "referral.update", subjectType: "referral", subjectId: referralId, oldValues: { status: r.status }, newValues: { status: input.status, note: input.note } });
}
