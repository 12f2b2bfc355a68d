// Authorization: the permission map (role × action) plus jurisdiction scope. Lists filter by scope in SQL
// (scopeCondition); single objects go through authorize(), which answers 404 outside scope.
import { or, eq, sql, type Column, type SQL } from "drizzle-orm";
import { AppError } from "../errors/catalogue.js";
import { isUnder, regionIdInSubtree } from "../regions/subtree.js";
import type { Actor } from "../server/context.js";
import { roleMay, type Action } from "./permissions.js";

export function may(actor: Actor, action: Action): boolean {
  switch (actor.kind) {
    case "account":
      return roleMay(actor.role, action);
    case "token":
      return actor.scopes.includes(action);
    case "system":
      return true;
    case "anonymous":
      return false;
  }
}

export function requirePermission(actor: Actor, action: Action): void {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED");
  if (!may(actor, action)) throw new AppError("FORBIDDEN");
}

/** Where a scoped object sits: its place on the tree and the units it is assigned to. */
export interface Placement {
  regionPath: string | null;
  unitIds?: (number | null)[];
}

export function inScope(actor: Actor, placement: Placement): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind === "anonymous") return false;
  if (placement.regionPath && isUnder(placement.regionPath, actor.regionPath)) return true;
  return actor.unitId != null && (placement.unitIds ?? []).includes(actor.unitId);
}

/** Permission first (403 when the role may never do this), then scope (404: the object does not exist for you). */
export function authorize(actor: Actor, action: Action, placement: Placement | undefined | null): void {
  requirePermission(actor, action);
  if (!placement || !inScope(actor, placement)) throw new AppError("NOT_FOUND");
}

/** SQL condition for lists: rows whose region is in the actor's subtree, or assigned to the actor's unit. */
export function scopeCondition(actor: Actor, regionIdColumn: Column, unitIdColumn?: Column): SQL {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind === "anonymous") return sql`false`;
  const byRegion = regionIdInSubtree(regionIdColumn, actor.regionPath);
  if (unitIdColumn && actor.unitId != null) return or(byRegion, eq(unitIdColumn, actor.unitId))!;
  return byRegion;
}
