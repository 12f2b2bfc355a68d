// Composing an agreement from the template: the case's parties (names and roles only), its facts (the case summary or
// the records' narratives), the clauses, a performance deadline. Editable while a draft; an edit of the wording
// clears the parties' confirmations, since they confirmed a different text.
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { cases } from "../../cases/schema.js";
import { AppError } from "../../errors/catalogue.js";
import { records } from "../../intake/schema.js";
import { actorLabel, type Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { agreements } from "../schema.js";
import { caseParticipants, PARTY_ROLE_NAMES, teamMediators } from "../sessions/case-people.js";
import { nextAgreementNumber } from "./numbering.js";
import type { CreateAgreementBody, UpdateAgreementBody } from "./views.js";

export const TERMS_TEMPLATE = [
  "一、",
  "二、",
  "三、履行方式及期限：",
  "四、本协议自各方当事人签名（盖章）、调解员签名并加盖人民调解委员会印章之日起生效。各方当事人应当按照约定履行。",
  "五、本协议生效后，各方当事人可以自协议生效之日起三十日内共同向人民法院申请司法确认。",
].join("\n");

type Party = { personId?: number; name: string; role: string; confirmedAt?: string | null };

async function defaultParties(ctx: Ctx, caseId: number): Promise<Party[]> {
  const all = await caseParticipants(ctx, caseId);
  // The one who reported the dispute is its applicant unless an applicant is named; each person once.
  const hasApplicant = all.some((p) => p.role === "applicant");
  const sides = all.filter((p) => p.role === "applicant" || p.role === "respondent" || (p.role === "reporter" && !hasApplicant));
  const seen = new Set<number>();
  return (sides.length ? sides : all)
    .filter((p) => (seen.has(p.personId) ? false : (seen.add(p.personId), true)))
    .map((p) => ({ personId: p.personId, name: p.name, role: PARTY_ROLE_NAMES[p.role === "reporter" ? "applicant" : p.role], confirmedAt: null }));
}

async function defaultFacts(ctx: Ctx, caseId: number): Promise<string> {
  const [c] = await ctx.tx.select({ summary: cases.summary, title: cases.title }).from(cases).where(eq(cases.id, caseId));
  if (c.summary.trim()) return c.summary.trim();
  const recs = await ctx.tx
    .select({ narrative: records.narrative })
    .from(records)
    .where(and(eq(records.caseId, caseId), eq(records.isCurrent, true)))
    .orderBy(asc(records.reportedAt))
    .limit(3);
  return recs.length ? recs.map((r) => r.narrative.trim()).join("\n") : c.title;
}

/** Parties given with a person id must be the case's parties. */
async function checkParties(ctx: Ctx, caseId: number, parties: Party[]) {
  const known = new Set((await caseParticipants(ctx, caseId)).map((p) => p.personId));
  if (parties.some((p) => p.personId != null && !known.has(p.personId))) throw new AppError("VALIDATION_FAILED", "当事人须为本案当事人");
}

export async function createAgreement(ctx: Ctx, caseId: number, input: z.infer<typeof CreateAgreementBody>): Promise<number> {
  const parties = input.parties ? input.parties.map((p) => ({ ...p, confirmedAt: null })) : await defaultParties(ctx, caseId);
  if (input.parties) await checkParties(ctx, caseId, parties);
  const facts = input.facts?.trim() || (await defaultFacts(ctx, caseId));
  const terms = input.terms?.trim() || TERMS_TEMPLATE;
  const mediatorIds = (await teamMediators(ctx, caseId)).map((m) => m.id);
  const number = await nextAgreementNumber(ctx);
  const [row] = await ctx.tx
    .insert(agreements)
    .values({ caseId, number, parties, facts, terms, performanceDeadline: input.performanceDeadline ?? null, mediatorIds, createdByLabel: actorLabel(ctx.actor), createdAt: ctx.now })
    .returning({ id: agreements.id });
  await appendCaseEvent(ctx, { caseId, kind: "agreement_drafted", detail: { agreementId: row.id, number } });
  await recordAudit(ctx, { action: "agreement.create", subjectType: "agreement", subjectId: row.id, newValues: { caseId, number, parties: parties.length, performanceDeadline: input.performanceDeadline ?? null } });
  return row.id;
}

export async function loadAgreementForUpdate(ctx: Ctx, agreementId: number) {
  const [a] = await ctx.tx.select().from(agreements).where(eq(agreements.id, agreementId)).for("update");
  if (!a) throw new AppError("NOT_FOUND");
  return a;
}

export async function updateAgreement(ctx: Ctx, agreementId: number, input: z.infer<typeof UpdateAgreementBody>): Promise<void> {
  const a = await loadAgreementForUpdate(ctx, agreementId);
  if (a.status !== "draft") throw new AppError("AGREEMENT_STATE", "只能修改草稿状态的协议");
  if (input.parties) await checkParties(ctx, a.caseId, input.parties);
  const next = {
    parties: (input.parties ?? a.parties).map((p) => ({ ...p, confirmedAt: null })),
    facts: input.facts ?? a.facts,
    terms: input.terms ?? a.terms,
    performanceDeadline: input.performanceDeadline === undefined ? a.performanceDeadline : input.performanceDeadline,
  };
  await ctx.tx.update(agreements).set(next).where(eq(agreements.id, agreementId));
  await recordAudit(ctx, {
    action: "agreement.update",
    subjectType: "agreement",
    subjectId: agreementId,
    oldValues: { parties: a.parties, facts: a.facts, terms: a.terms, performanceDeadline: a.performanceDeadline },
    newValues: next,
  });
}
