// Who visits a closed case: the case's mediator when it had a mediation team (the lead member with an account), else
// the grid worker of its place (an account whose scope is the case's micro-grid or the grid holding it), else the
// lead unit (or, for a case without one, the street centre over its place).
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { mediationTeamMembers, mediationTeams, mediators } from "../mediation/schema.js";
import { regionNodes } from "../regions/schema.js";
import { streetCentreUnitId } from "../tasks/load-task.js";
import type { AssigneeKind } from "./states.js";

export interface Assignee {
  kind: AssigneeKind;
  accountId: number | null;
  unitId: number | null;
}

export async function chooseAssignee(db: DbOrTx, caseId: number): Promise<Assignee> {
  const mediator = await caseMediatorAccount(db, caseId);
  if (mediator) return { kind: "mediator", accountId: mediator.accountId, unitId: mediator.unitId };
  const grid = await gridWorkerOfPlace(db, caseId);
  if (grid) return { kind: "grid_worker", accountId: grid.id, unitId: grid.unitId };
  const [c] = await db.select({ leadUnitId: cases.leadUnitId, path: regionNodes.path }).from(cases).innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId)).where(eq(cases.id, caseId));
  return { kind: "unit", accountId: null, unitId: c?.leadUnitId ?? (c ? await streetCentreUnitId(db, c.path) : null) };
}

/** The mediator (with an active account) of the case's latest team: its lead first. */
async function caseMediatorAccount(db: DbOrTx, caseId: number) {
  const [row] = await db
    .select({ accountId: accounts.id, unitId: accounts.unitId })
    .from(mediationTeams)
    .innerJoin(mediationTeamMembers, eq(mediationTeamMembers.teamId, mediationTeams.id))
    .innerJoin(mediators, eq(mediators.id, mediationTeamMembers.mediatorId))
    .innerJoin(accounts, and(eq(accounts.id, mediators.accountId), isNull(accounts.disabledAt)))
    .where(and(eq(mediationTeams.caseId, caseId), isNotNull(mediators.accountId)))
    .orderBy(sql`${mediationTeams.status} = 'active' DESC`, desc(mediationTeams.formedAt), sql`${mediationTeamMembers.role} = 'lead' DESC`, asc(mediationTeamMembers.id))
    .limit(1);
  return row ?? null;
}

/** A grid worker whose scope is the case's place: the micro-grid itself first, then the grid that holds it. */
async function gridWorkerOfPlace(db: DbOrTx, caseId: number) {
  const [place] = await db
    .select({ id: regionNodes.id, level: regionNodes.level, parentId: regionNodes.parentId })
    .from(cases)
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .where(eq(cases.id, caseId));
  if (!place || (place.level !== "grid" && place.level !== "micro_grid")) return null;
  const nodes = place.level === "micro_grid" && place.parentId != null ? [place.id, place.parentId] : [place.id];
  const rows = await db
    .select({ id: accounts.id, unitId: accounts.unitId, regionNodeId: accounts.regionNodeId })
    .from(accounts)
    .where(and(eq(accounts.role, "grid_worker"), isNull(accounts.disabledAt), inArray(accounts.regionNodeId, nodes)))
    .orderBy(asc(accounts.id));
  return rows.find((r) => r.regionNodeId === place.id) ?? rows[0] ?? null;
}
