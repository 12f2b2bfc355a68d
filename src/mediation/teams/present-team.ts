// Reading teams and requests for the API: a case's team (active, else the latest), and requests filtered in SQL by
// who asks — a mediator sees the requests naming them, a citizen the ones they filed, staff those of cases in scope.
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { may } from "../../accounts/policies.js";
import { caseScope } from "../../cases/routes.js";
import { cases } from "../../cases/schema.js";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors/catalogue.js";
import type { Actor } from "../../server/context.js";
import { MEDIATOR_GRADE_NAMES, MEDIATOR_KIND_NAMES, REQUEST_STATUSES } from "../kinds.js";
import { mediationTeamMembers, mediationTeams, mediatorRequests, mediators } from "../schema.js";
import type { MediatorRequestView, TeamView } from "./views.js";

export async function loadTeamView(db: DbOrTx, caseId: number): Promise<z.infer<typeof TeamView> | null> {
  const [team] = await db
    .select()
    .from(mediationTeams)
    .where(eq(mediationTeams.caseId, caseId))
    .orderBy(desc(eq(mediationTeams.status, "active")), desc(mediationTeams.id))
    .limit(1);
  if (!team) return null;
  const members = await db
    .select({ tm: mediationTeamMembers, m: mediators })
    .from(mediationTeamMembers)
    .innerJoin(mediators, eq(mediators.id, mediationTeamMembers.mediatorId))
    .where(eq(mediationTeamMembers.teamId, team.id))
    .orderBy(desc(eq(mediationTeamMembers.role, "lead")), desc(mediationTeamMembers.score));
  return {
    id: team.id,
    caseId: team.caseId,
    status: team.status,
    formedBy: team.formedBy,
    formedByLabel: team.formedByLabel,
    formedAt: team.formedAt.toISOString(),
    releasedAt: team.releasedAt?.toISOString() ?? null,
    members: members.map(({ tm, m }) => ({
      mediatorId: m.id,
      name: m.name,
      kind: m.kind,
      kindName: MEDIATOR_KIND_NAMES[m.kind],
      grade: m.grade,
      gradeName: MEDIATOR_GRADE_NAMES[m.grade],
      role: tm.role,
      brings: tm.brings,
      score: tm.score,
      breakdown: tm.breakdown,
    })),
  };
}

/** Which requests the actor may see, as a condition; FORBIDDEN for a role with no part in requests. */
export function requestScope(actor: Actor): SQL | undefined {
  if (actor.kind === "system") return undefined;
  if (actor.kind !== "account") throw new AppError("FORBIDDEN");
  if (actor.role === "mediator") return eq(mediators.accountId, actor.id);
  if (actor.role === "citizen") return eq(mediatorRequests.requestedByAccountId, actor.id);
  if (may(actor, "mediation.manage") || may(actor, "mediation.request")) return caseScope(actor);
  throw new AppError("FORBIDDEN");
}

export async function listRequests(
  db: DbOrTx,
  actor: Actor,
  filter: { id?: number; caseId?: number; status?: (typeof REQUEST_STATUSES)[number]; limit?: number } = {},
): Promise<z.infer<typeof MediatorRequestView>[]> {
  const rows = await db
    .select({ r: mediatorRequests, mediatorName: mediators.name, mediatorAccountId: mediators.accountId, caseCode: cases.code, caseTitle: cases.title })
    .from(mediatorRequests)
    .innerJoin(mediators, eq(mediators.id, mediatorRequests.mediatorId))
    .innerJoin(cases, eq(cases.id, mediatorRequests.caseId))
    .where(
      and(
        filter.id != null ? eq(mediatorRequests.id, filter.id) : undefined,
        filter.caseId != null ? eq(mediatorRequests.caseId, filter.caseId) : undefined,
        filter.status ? eq(mediatorRequests.status, filter.status) : undefined,
        filter.caseId != null ? undefined : requestScope(actor),
      ),
    )
    .orderBy(desc(mediatorRequests.id))
    .limit(filter.limit ?? 200);
  return rows.map(({ r, mediatorName, mediatorAccountId, caseCode, caseTitle }) => ({
    id: r.id,
    caseId: r.caseId,
    caseCode,
    caseTitle,
    mediatorId: r.mediatorId,
    mediatorName,
    requestedByLabel: r.requestedByLabel,
    note: r.note,
    status: r.status,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    otherPartyToldAt: r.otherPartyToldAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    mayDecide: r.status === "pending" && actor.kind === "account" && mediatorAccountId === actor.id,
  }));
}
