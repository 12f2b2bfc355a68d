// The parties' confirmations (the agreement is signed when the last one confirms) and its performance.
import { eq } from "drizzle-orm";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import type { Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { agreements } from "../schema.js";
import { loadAgreementForUpdate } from "./compose-agreement.js";

/** Records one party's confirmation; returns whether the agreement is now signed. */
export async function confirmParty(ctx: Ctx, agreementId: number, partyIndex: number): Promise<boolean> {
  const a = await loadAgreementForUpdate(ctx, agreementId);
  if (a.status !== "draft") throw new AppError("AGREEMENT_STATE", "协议已签署");
  if (a.parties.length < 2) throw new AppError("AGREEMENT_STATE", "协议须至少有两方当事人");
  const party = a.parties[partyIndex];
  if (!party) throw new AppError("VALIDATION_FAILED", "没有这一方当事人", [{ path: "partyIndex", message: "超出范围" }]);
  if (party.confirmedAt) throw new AppError("AGREEMENT_STATE", `${party.name}已确认`);
  const parties = a.parties.map((p, i) => (i === partyIndex ? { ...p, confirmedAt: ctx.now.toISOString() } : p));
  const signed = parties.every((p) => p.confirmedAt);
  await ctx.tx
    .update(agreements)
    .set({ parties, ...(signed ? { status: "signed" as const, signedAt: ctx.now } : {}) })
    .where(eq(agreements.id, agreementId));
  await appendCaseEvent(ctx, { caseId: a.caseId, kind: "agreement_party_confirmed", detail: { agreementId, number: a.number, partyIndex, party: `${party.role} ${party.name}` } });
  if (signed) await appendCaseEvent(ctx, { caseId: a.caseId, kind: "agreement_signed", detail: { agreementId, number: a.number, deadline: a.performanceDeadline } });
  await recordAudit(ctx, { action: "agreement.confirm", subjectType: "agreement", subjectId: agreementId, newValues: { partyIndex, signed } });
  return signed;
}

/** Performed, or breached (a breached agreement may still be performed later). */
export async function recordPerformance(ctx: Ctx, agreementId: number, result: "performed" | "breached", note?: string): Promise<void> {
  const a = await loadAgreementForUpdate(ctx, agreementId);
  const allowed = result === "performed" ? ["signed", "breached"] : ["signed"];
  if (!allowed.includes(a.status)) throw new AppError("AGREEMENT_STATE", a.status === "draft" ? "协议尚未签署" : "协议履行情况已记录");
  await ctx.tx
    .update(agreements)
    .set({ status: result, ...(result === "performed" ? { performedAt: ctx.now } : {}) })
    .where(eq(agreements.id, agreementId));
  await appendCaseEvent(ctx, { caseId: a.caseId, kind: result === "performed" ? "agreement_performed" : "agreement_breached", detail: { agreementId, number: a.number, note: note ?? "" } });
  await recordAudit(ctx, { action: "agreement.performance", subjectType: "agreement", subjectId: agreementId, oldValues: { status: a.status }, newValues: { status: result, note } });
}
