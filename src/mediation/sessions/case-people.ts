// Who a case's mediation involves: the mediators of its active team and its parties from the person index
// (names only: no ID or phone numbers leave here).
import { and, eq, inArray } from "drizzle-orm";
import { caseParties } from "../../cases/schema.js";
import { people } from "../../people/schema.js";
import type { Ctx } from "../../server/context.js";
import { mediationTeamMembers, mediationTeams, mediators } from "../schema.js";

export const PARTY_ROLE_NAMES = { reporter: "报告人", applicant: "申请人", respondent: "被申请人", other: "其他当事人" } as const;

export async function teamMediators(ctx: Pick<Ctx, "tx">, caseId: number) {
  return ctx.tx
    .select({ id: mediators.id, name: mediators.name, accountId: mediators.accountId, role: mediationTeamMembers.role })
    .from(mediationTeams)
    .innerJoin(mediationTeamMembers, eq(mediationTeamMembers.teamId, mediationTeams.id))
    .innerJoin(mediators, eq(mediators.id, mediationTeamMembers.mediatorId))
    .where(and(eq(mediationTeams.caseId, caseId), eq(mediationTeams.status, "active")))
    .orderBy(mediationTeamMembers.role, mediationTeamMembers.id);
}

export async function mediatorsByIds(ctx: Pick<Ctx, "tx">, ids: number[]) {
  if (!ids.length) return [];
  return ctx.tx
    .select({ id: mediators.id, name: mediators.name, accountId: mediators.accountId, active: mediators.active })
    .from(mediators)
    .where(inArray(mediators.id, ids));
}

/** The case's parties, one row per person (a person who is both reporter and applicant appears once, as applicant). */
export async function caseParticipants(ctx: Pick<Ctx, "tx">, caseId: number) {
  const rows = await ctx.tx
    .select({ personId: people.id, name: people.name, kind: people.kind, role: caseParties.role })
    .from(caseParties)
    .innerJoin(people, eq(people.id, caseParties.personId))
    .where(eq(caseParties.caseId, caseId))
    .orderBy(caseParties.personId);
  const rank = { applicant: 0, respondent: 1, other: 2, reporter: 3 } as const;
  const byPerson = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = byPerson.get(r.personId);
    if (!seen || rank[r.role] < rank[seen.role]) byPerson.set(r.personId, r);
  }
  return [...byPerson.values()].sort((a, b) => rank[a.role] - rank[b.role] || a.personId - b.personId);
}
