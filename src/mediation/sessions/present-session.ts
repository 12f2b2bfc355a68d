// Sessions read back with their case's code and title; a mediator's own schedule.
import { and, asc, eq, gte, lte, or, sql, type SQL } from "drizzle-orm";
import { may } from "../../accounts/policies.js";
import { caseScope } from "../../cases/routes.js";
import { cases } from "../../cases/schema.js";
import type { Ctx } from "../../server/context.js";
import { mediationSessions, mediationTeamMembers, mediationTeams, mediators } from "../schema.js";
import type { SessionView } from "./views.js";

const columns = { s: mediationSessions, caseCode: cases.code, caseTitle: cases.title };

export async function selectSessions(ctx: Pick<Ctx, "tx" | "actor">, where: SQL | undefined): Promise<SessionView[]> {
  const rows = await ctx.tx
    .select(columns)
    .from(mediationSessions)
    .innerJoin(cases, eq(cases.id, mediationSessions.caseId))
    .where(and(where, caseScope(ctx.actor)))
    .orderBy(asc(mediationSessions.scheduledAt), asc(mediationSessions.id))
    .limit(500);
  const manage = may(ctx.actor, "mediation.manage");
  return rows.map(({ s, caseCode, caseTitle }) => ({
    id: s.id,
    caseId: s.caseId,
    caseCode,
    caseTitle,
    scheduledAt: s.scheduledAt.toISOString(),
    place: s.place,
    online: s.online,
    status: s.status,
    participants: s.participants,
    record: s.record,
    outcome: s.outcome,
    remindedAt: s.remindedAt?.toISOString() ?? null,
    createdByLabel: s.createdByLabel,
    createdAt: s.createdAt.toISOString(),
    heldAt: s.heldAt?.toISOString() ?? null,
    can: { edit: manage && s.status === "scheduled", record: manage && s.status !== "cancelled" },
  }));
}

export async function presentSession(ctx: Pick<Ctx, "tx" | "actor">, sessionId: number): Promise<SessionView | undefined> {
  return (await selectSessions(ctx, eq(mediationSessions.id, sessionId)))[0];
}

/** Sessions of the cases whose active team includes the actor's mediator row, or to which the mediator is invited. */
export async function mySessions(ctx: Pick<Ctx, "tx" | "actor">, range: { from: Date; to?: Date }): Promise<SessionView[]> {
  if (ctx.actor.kind !== "account") return [];
  const [me] = await ctx.tx.select({ id: mediators.id }).from(mediators).where(eq(mediators.accountId, ctx.actor.id));
  if (!me) return [];
  const onTeam = sql`EXISTS (SELECT 1 FROM ${mediationTeams} t JOIN ${mediationTeamMembers} m ON m.team_id = t.id
                     WHERE t.case_id = ${mediationSessions.caseId} AND t.status = 'active' AND m.mediator_id = ${me.id})`;
  const invited = sql`${mediationSessions.participants} @> ${JSON.stringify([{ mediatorId: me.id }])}::jsonb`;
  return selectSessions(ctx, and(or(onTeam, invited), gte(mediationSessions.scheduledAt, range.from), range.to ? lte(mediationSessions.scheduledAt, range.to) : undefined));
}
