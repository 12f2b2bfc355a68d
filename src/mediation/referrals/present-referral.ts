// Referrals read back, and the dossier that goes with one: the case's summary, parties (masked), records, sessions,
// agreements and funnel.
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { may } from "../../accounts/policies.js";
import { caseScope, loadCaseInScope } from "../../cases/routes.js";
import { caseParties, cases } from "../../cases/schema.js";
import { AppError } from "../../errors/catalogue.js";
import { records } from "../../intake/schema.js";
import { presentPerson } from "../../people/routes.js";
import { people } from "../../people/schema.js";
import { regionNodes } from "../../regions/schema.js";
import type { Ctx } from "../../server/context.js";
import { selectAgreements } from "../agreements/present-agreement.js";
import { presentFunnel } from "../funnel/routes.js";
import type { MediationStage } from "../kinds.js";
import { agreements, mediationSessions, referrals } from "../schema.js";
import { selectSessions } from "../sessions/present-session.js";
import type { ReferralView } from "./views.js";

export async function selectReferrals(ctx: Pick<Ctx, "tx" | "actor">, where: SQL | undefined): Promise<ReferralView[]> {
  const rows = await ctx.tx
    .select({ r: referrals })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(where, caseScope(ctx.actor)))
    .orderBy(desc(referrals.id));
  const manage = may(ctx.actor, "mediation.manage");
  return rows.map(({ r }) => ({
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    targetUnitId: r.targetUnitId,
    targetName: r.targetName,
    guidance: r.guidance,
    status: r.status,
    note: r.note,
    createdByLabel: r.createdByLabel,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    can: { update: manage && r.status !== "closed" },
  }));
}

export async function referralInScope(ctx: Pick<Ctx, "tx" | "actor">, id: number): Promise<ReferralView> {
  const [r] = await selectReferrals(ctx, eq(referrals.id, id));
  if (!r) throw new AppError("NOT_FOUND");
  return r;
}

export async function assembleDossier(ctx: Ctx, referralId: number) {
  const referral = await referralInScope(ctx, referralId);
  const { case: c, regionName } = await loadCaseInScope(ctx.tx, ctx.actor, referral.caseId);
  const parties = await ctx.tx
    .select({ person: people, role: caseParties.role, regionName: regionNodes.name })
    .from(caseParties)
    .innerJoin(people, eq(people.id, caseParties.personId))
    .leftJoin(regionNodes, eq(regionNodes.id, people.regionNodeId))
    .where(eq(caseParties.caseId, c.id));
  const recs = await ctx.tx
    .select({ id: records.id, channel: records.channel, externalId: records.externalId, reportedAt: records.reportedAt, narrative: records.narrative })
    .from(records)
    .where(and(eq(records.caseId, c.id), eq(records.isCurrent, true)))
    .orderBy(asc(records.reportedAt));
  return {
    referral,
    case: {
      id: c.id,
      code: c.code,
      title: c.title,
      summary: c.summary,
      category: c.category,
      regionName,
      openedAt: c.openedAt.toISOString(),
      mediationStage: (c.mediationStage as MediationStage | null) ?? null,
    },
    parties: parties.map((p) => ({ ...presentPerson(p.person, p.regionName), role: p.role })),
    records: recs.map((r) => ({ ...r, reportedAt: r.reportedAt.toISOString() })),
    sessions: await selectSessions(ctx, eq(mediationSessions.caseId, c.id)),
    agreements: await selectAgreements(ctx, eq(agreements.caseId, c.id)),
    stageChanges: (await presentFunnel(ctx, c.id)).changes,
  };
}
