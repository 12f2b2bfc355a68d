// Agreements read back with their case, mediators and judicial confirmations; scope is the case's.
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { may } from "../../accounts/policies.js";
import { caseScope } from "../../cases/routes.js";
import { cases } from "../../cases/schema.js";
import { AppError } from "../../errors/catalogue.js";
import type { Ctx } from "../../server/context.js";
import { units } from "../../units/schema.js";
import { agreements, judicialConfirmations, mediators } from "../schema.js";
import { MEDIATION_COMMITTEE, type AgreementView, type JudicialConfirmationView } from "./views.js";

export async function selectAgreements(ctx: Pick<Ctx, "tx" | "actor">, where: SQL | undefined): Promise<AgreementView[]> {
  const rows = await ctx.tx
    .select({ a: agreements, caseCode: cases.code, caseTitle: cases.title })
    .from(agreements)
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .where(and(where, caseScope(ctx.actor)))
    .orderBy(desc(agreements.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.a.id);
  const mediatorIds = [...new Set(rows.flatMap((r) => r.a.mediatorIds))];
  const names = new Map(
    (mediatorIds.length ? await ctx.tx.select({ id: mediators.id, name: mediators.name }).from(mediators).where(inArray(mediators.id, mediatorIds)) : []).map((m) => [m.id, m.name]),
  );
  const confirmations = await ctx.tx
    .select({ jc: judicialConfirmations, courtUnitName: units.name })
    .from(judicialConfirmations)
    .innerJoin(units, eq(units.id, judicialConfirmations.courtUnitId))
    .where(inArray(judicialConfirmations.agreementId, ids))
    .orderBy(asc(judicialConfirmations.id));
  const manage = may(ctx.actor, "mediation.manage");
  const actorUnit = ctx.actor.kind === "account" || ctx.actor.kind === "token" ? ctx.actor.unitId : null;
  return rows.map(({ a, caseCode, caseTitle }) => {
    const mine: JudicialConfirmationView[] = confirmations
      .filter((c) => c.jc.agreementId === a.id)
      .map(({ jc, courtUnitName }) => ({
        id: jc.id,
        agreementId: jc.agreementId,
        courtUnitId: jc.courtUnitId,
        courtUnitName,
        status: jc.status,
        requestedByLabel: jc.requestedByLabel,
        requestedAt: jc.requestedAt.toISOString(),
        decidedAt: jc.decidedAt?.toISOString() ?? null,
        note: jc.note,
        can: { decide: manage && actorUnit === jc.courtUnitId && (jc.status === "requested" || jc.status === "accepted") },
      }));
    const openConfirmation = mine.some((c) => c.status !== "rejected");
    return {
      id: a.id,
      caseId: a.caseId,
      caseCode,
      caseTitle,
      number: a.number,
      committee: MEDIATION_COMMITTEE,
      parties: a.parties.map((p) => ({ ...p, confirmedAt: p.confirmedAt ?? null })),
      facts: a.facts,
      terms: a.terms,
      performanceDeadline: a.performanceDeadline,
      status: a.status,
      mediators: a.mediatorIds.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      createdByLabel: a.createdByLabel,
      createdAt: a.createdAt.toISOString(),
      signedAt: a.signedAt?.toISOString() ?? null,
      performedAt: a.performedAt?.toISOString() ?? null,
      followUpAt: a.followUpAt?.toISOString() ?? null,
      confirmations: mine,
      can: {
        edit: manage && a.status === "draft",
        confirm: manage && a.status === "draft",
        performance: manage && (a.status === "signed" || a.status === "breached"),
        requestConfirmation: manage && a.status !== "draft" && !openConfirmation,
      },
    };
  });
}

/** The agreement if its case is in the actor's scope; NOT_FOUND otherwise. */
export async function agreementInScope(ctx: Pick<Ctx, "tx" | "actor">, id: number): Promise<AgreementView> {
  const [a] = await selectAgreements(ctx, eq(agreements.id, id));
  if (!a) throw new AppError("NOT_FOUND");
  return a;
}
