// 司法确认: a signed agreement sent to the court unit; the court accepts it, then confirms or rejects it.
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../audit/record.js";
import { cases } from "../../cases/schema.js";
import { AppError } from "../../errors/catalogue.js";
import { notifyUnit } from "../../notifications/notify.js";
import { actorLabel, type Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { units } from "../../units/schema.js";
import { CONFIRMATION_STATUS_NAMES } from "../kinds.js";
import { judicialConfirmations } from "../schema.js";
import { loadAgreementForUpdate } from "./compose-agreement.js";

const NEXT: Record<string, readonly string[]> = { requested: ["accepted", "rejected"], accepted: ["confirmed", "rejected"] };

async function courtUnit(ctx: Ctx, courtUnitId?: number) {
  const [u] = await ctx.tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.kind, "court"), courtUnitId != null ? eq(units.id, courtUnitId) : undefined))
    .orderBy(asc(units.id))
    .limit(1);
  if (!u) throw new AppError("VALIDATION_FAILED", "没有可受理的人民法庭");
  return u;
}

export async function requestConfirmation(ctx: Ctx, agreementId: number, input: { courtUnitId?: number; note?: string }): Promise<number> {
  const a = await loadAgreementForUpdate(ctx, agreementId);
  if (a.status === "draft") throw new AppError("AGREEMENT_STATE", "协议签署后才能申请司法确认");
  const open = await ctx.tx
    .select({ id: judicialConfirmations.id })
    .from(judicialConfirmations)
    .where(and(eq(judicialConfirmations.agreementId, agreementId), inArray(judicialConfirmations.status, ["requested", "accepted", "confirmed"])));
  if (open.length) throw new AppError("CONFIRMATION_STATE", "该协议已申请司法确认");
  const court = await courtUnit(ctx, input.courtUnitId);
  const [row] = await ctx.tx
    .insert(judicialConfirmations)
    .values({ agreementId, courtUnitId: court.id, requestedByLabel: actorLabel(ctx.actor), requestedAt: ctx.now, note: input.note || null })
    .returning({ id: judicialConfirmations.id });
  await appendCaseEvent(ctx, { caseId: a.caseId, unitId: court.id, kind: "confirmation_requested", detail: { confirmationId: row.id, agreementId, number: a.number, status: "requested", note: input.note ?? "" } });
  const [c] = await ctx.tx.select({ code: cases.code, title: cases.title }).from(cases).where(eq(cases.id, a.caseId));
  await notifyUnit(ctx, court.id, { kind: "judicial_confirmation", title: `司法确认申请：${a.number}`, body: `${c.code} ${c.title}`, caseId: a.caseId });
  await recordAudit(ctx, { action: "judicial_confirmation.request", subjectType: "judicial_confirmation", subjectId: row.id, newValues: { agreementId, courtUnitId: court.id } });
  return row.id;
}

/** Only the court the request went to decides (a system actor too: imports, the demo). */
export async function decideConfirmation(ctx: Ctx, confirmationId: number, input: { status: "accepted" | "confirmed" | "rejected"; note?: string }) {
  const [jc] = await ctx.tx.select().from(judicialConfirmations).where(eq(judicialConfirmations.id, confirmationId)).for("update");
  if (!jc) throw new AppError("NOT_FOUND");
  const actorUnit = ctx.actor.kind === "account" || ctx.actor.kind === "token" ? ctx.actor.unitId : null;
  if (ctx.actor.kind !== "system" && actorUnit !== jc.courtUnitId) throw new AppError("NOT_COURT_UNIT");
  if (!(NEXT[jc.status] ?? []).includes(input.status)) throw new AppError("CONFIRMATION_STATE", `当前为「${CONFIRMATION_STATUS_NAMES[jc.status]}」`);
  if (input.status === "rejected" && !input.note?.trim()) throw new AppError("VALIDATION_FAILED", "不予确认须说明理由", [{ path: "note", message: "请填写理由" }]);
  const final = input.status !== "accepted";
  await ctx.tx
    .update(judicialConfirmations)
    .set({ status: input.status, note: input.note?.trim() || jc.note, ...(final ? { decidedAt: ctx.now } : {}) })
    .where(eq(judicialConfirmations.id, confirmationId));
  const a = await loadAgreementForUpdate(ctx, jc.agreementId);
  await appendCaseEvent(ctx, { caseId: a.caseId, unitId: jc.courtUnitId, kind: "confirmation_decided", detail: { confirmationId, agreementId: a.id, number: a.number, status: input.status, note: input.note ?? "" } });
  const [c] = await ctx.tx.select({ leadUnitId: cases.leadUnitId }).from(cases).where(eq(cases.id, a.caseId));
  if (c.leadUnitId != null) {
    await notifyUnit(ctx, c.leadUnitId, { kind: "judicial_confirmation", title: `司法确认${CONFIRMATION_STATUS_NAMES[input.status]}：${a.number}`, body: input.note ?? "", caseId: a.caseId });
  }
  await recordAudit(ctx, { action: "judicial_confirmation.decide", subjectType: "judicial_confirmation", subjectId: confirmationId, oldValues: { status: jc.status }, newValues: { status: input.status, note: input.note } });
  return a.id;
}
