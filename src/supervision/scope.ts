// Who sees which supervision orders, and what they may do with one.
// Those who supervise (supervision.issue: the street centre, leaders) see every order on a case in their region and
// any order addressed to their unit; everyone else sees the orders addressed to their own unit (as ordered unit or as
// the unit an order was escalated to). Outside that, an order does not exist for them (404).
import { eq, or, sql, type SQL } from "drizzle-orm";
import { may } from "../accounts/policies.js";
import { cases } from "../cases/schema.js";
import { isUnder, regionIdInSubtree } from "../regions/subtree.js";
import type { Actor } from "../server/context.js";
import { supervisionOrders } from "./schema.js";
import { CLOSABLE, ESCALATABLE, RESPONDABLE, type SupervisionStatus } from "./statuses.js";

function supervises(actor: Actor): boolean {
  return actor.kind === "system" || may(actor, "supervision.issue");
}

function unitOf(actor: Actor): number | null {
  return actor.kind === "account" || actor.kind === "token" ? actor.unitId : null;
}

/** SQL for lists (the query must join `cases` on the order's case). */
export function orderScope(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind === "anonymous") return sql`false`;
  const unitId = unitOf(actor);
  const ownUnit = unitId == null ? sql`false` : or(eq(supervisionOrders.unitId, unitId), eq(supervisionOrders.escalatedToUnitId, unitId))!;
  if (!supervises(actor)) return ownUnit;
  return or(regionIdInSubtree(cases.regionNodeId, actor.regionPath), ownUnit)!;
}

export interface OrderPlacement {
  regionPath: string;
  unitId: number;
  escalatedToUnitId: number | null;
}

export function orderInScope(actor: Actor, o: OrderPlacement): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind === "anonymous") return false;
  const unitId = unitOf(actor);
  if (unitId != null && (o.unitId === unitId || o.escalatedToUnitId === unitId)) return true;
  return supervises(actor) && isUnder(o.regionPath, actor.regionPath);
}

/** The abilities sent with each order: the UI shows the buttons these allow and nothing else. */
export function orderAbilities(actor: Actor, o: { status: SupervisionStatus; unitId: number }) {
  return {
    respond: may(actor, "supervision.respond") && unitOf(actor) === o.unitId && RESPONDABLE.includes(o.status),
    close: may(actor, "supervision.issue") && CLOSABLE.includes(o.status),
    escalate: may(actor, "supervision.issue") && ESCALATABLE.includes(o.status),
  };
}
