// Who sees which visits, and what they may do with one. A visit is seen by those whose scope holds the case's place,
// by its assignee (a mediator may visit a case outside their own area) and by the unit it is assigned to; outside
// that it does not exist for them (404). Recording is for the assignee (or the assigned unit's staff) and the street
// centre; reassigning for those who manage follow-ups.
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { may } from "../accounts/policies.js";
import { cases } from "../cases/schema.js";
import { isUnder, regionIdInSubtree } from "../regions/subtree.js";
import type { Actor } from "../server/context.js";
import { followUpVisits } from "./schema.js";
import type { VisitStatus } from "./states.js";

const accountId = (a: Actor) => (a.kind === "account" ? a.id : null);
const unitOf = (a: Actor) => (a.kind === "account" || a.kind === "token" ? a.unitId : null);

/** SQL for lists (the query joins `cases`). */
export function visitScope(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind === "anonymous") return sql`false`;
  const me = accountId(actor);
  const unit = unitOf(actor);
  return or(
    regionIdInSubtree(cases.regionNodeId, actor.regionPath),
    me != null ? eq(followUpVisits.assigneeAccountId, me) : undefined,
    unit != null ? eq(followUpVisits.unitId, unit) : undefined,
  )!;
}

/** "My visits": assigned to me, or to my unit with nobody named. */
export function mineCondition(actor: Actor): SQL {
  const me = accountId(actor);
  const unit = unitOf(actor);
  return or(
    me != null ? eq(followUpVisits.assigneeAccountId, me) : sql`false`,
    unit != null ? and(isNull(followUpVisits.assigneeAccountId), eq(followUpVisits.unitId, unit)) : undefined,
  )!;
}

export interface VisitPlacement {
  regionPath: string;
  assigneeAccountId: number | null;
  unitId: number | null;
}

export function visitInScope(actor: Actor, v: VisitPlacement): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind === "anonymous") return false;
  if (isUnder(v.regionPath, actor.regionPath)) return true;
  if (v.assigneeAccountId != null && v.assigneeAccountId === accountId(actor)) return true;
  const unit = unitOf(actor);
  return unit != null && v.unitId === unit;
}

/** The assignee, staff of the unit it is assigned to when nobody is named, or the street centre. */
export function mayRecord(actor: Actor, v: { assigneeAccountId: number | null; unitId: number | null }): boolean {
  if (actor.kind === "system") return true;
  if (!may(actor, "followups.record")) return false;
  if (actor.kind === "account" && actor.role === "street_centre") return true;
  if (v.assigneeAccountId != null) return v.assigneeAccountId === accountId(actor);
  const unit = unitOf(actor);
  return unit != null && v.unitId === unit;
}

export function visitAbilities(actor: Actor, v: { status: VisitStatus; assigneeAccountId: number | null; unitId: number | null }) {
  return {
    record: v.status === "due" && mayRecord(actor, v),
    reassign: v.status === "due" && may(actor, "followups.manage"),
  };
}
