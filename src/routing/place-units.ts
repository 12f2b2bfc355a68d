// Which unit of a kind serves a place: the active unit of that kind whose jurisdiction holds the place, the deepest
// one (the community centre of the case's village before any street-wide unit). Units are loaded once per transaction.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { isUnder } from "../regions/subtree.js";
import { regionNodes } from "../regions/schema.js";
import type { UnitKind } from "../units/kinds.js";
import { units } from "../units/schema.js";

export interface PlaceUnit {
  id: number;
  name: string;
  kind: UnitKind;
  path: string;
  regionName: string;
  regionLevel: string;
}

const perTransaction = new WeakMap<object, Promise<PlaceUnit[]>>();

/** The active units with their jurisdictions; cached for the life of a transaction (never for the pool itself). */
export function activeUnits(db: DbOrTx): Promise<PlaceUnit[]> {
  const isTransaction = !("$client" in db);
  let loaded = isTransaction ? perTransaction.get(db) : undefined;
  if (!loaded) {
    loaded = db
      .select({ id: units.id, name: units.name, kind: units.kind, path: regionNodes.path, regionName: regionNodes.name, regionLevel: regionNodes.level })
      .from(units)
      .innerJoin(regionNodes, eq(regionNodes.id, units.regionNodeId))
      .where(eq(units.active, true))
      .orderBy(units.id);
    if (isTransaction) perTransaction.set(db, loaded);
  }
  return loaded;
}

/** The deepest active unit of `kind` whose jurisdiction holds `placePath`, skipping excluded units. */
export function unitOfKindAt(all: PlaceUnit[], kind: string, placePath: string, exclude: ReadonlySet<number> = new Set()): PlaceUnit | null {
  let best: PlaceUnit | null = null;
  for (const u of all) {
    if (u.kind !== kind || exclude.has(u.id) || !isUnder(placePath, u.path)) continue;
    if (!best || u.path.length > best.path.length) best = u;
  }
  return best;
}

/** A unit serving the county above the place (a county-level centre), if one is registered. */
export function countyUnitAbove(all: PlaceUnit[], streetPath: string): PlaceUnit | null {
  let best: PlaceUnit | null = null;
  for (const u of all) {
    if (u.kind !== "street_centre" || u.path === streetPath || !isUnder(streetPath, u.path)) continue;
    if (!best || u.path.length > best.path.length) best = u;
  }
  return best;
}
