// Building the address resolver from what the database holds: the live region tree (communities, grids,
// micro-grids) and the roads and places the registry import keeps on the street node.
import { and, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { COMMUNITY_KINDS, MICRO_GRID_KINDS } from "../registry-format.js";
import { regionNodes } from "../schema.js";
import type { AddressResolverInput, LearnedAlias } from "./address-index.js";

interface StoredRegistry {
  roads?: AddressResolverInput["roads"];
  places?: AddressResolverInput["places"];
}

/**
 * What the resolver is built from, read from the live tree (createAddressResolver builds it: a few hundred
 * milliseconds, so at start-up and after a registry import, not per request). Retired nodes are left out, so an
 * address never resolves to a grid the street has redrawn away. `aliases` are learned aliases (alias → region code
 * or place id).
 */
export async function loadResolverInput(db: DbOrTx, aliases?: LearnedAlias[]): Promise<AddressResolverInput> {
  const rows = await db
    .select({
      id: regionNodes.id,
      code: regionNodes.code,
      name: regionNodes.name,
      shortName: regionNodes.shortName,
      level: regionNodes.level,
      kind: regionNodes.kind,
      parentId: regionNodes.parentId,
      attrs: regionNodes.attrs,
    })
    .from(regionNodes)
    .where(and(isNull(regionNodes.retiredAt), inArray(regionNodes.level, ["street", "community", "grid", "micro_grid"])));

  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  const parent = (r: (typeof rows)[number]) => (r.parentId !== null ? codeOf.get(r.parentId) : undefined);
  const input: AddressResolverInput = { communities: [], grids: [], microGrids: [], roads: [], places: [], aliases };

  const gridCommunity = new Map<string, string>();
  for (const r of rows) if (r.level === "grid" && parent(r)) gridCommunity.set(r.code, parent(r)!);

  for (const r of rows) {
    const up = parent(r);
    if (r.level === "street") {
      const stored = r.attrs.registry as StoredRegistry | undefined;
      // Only the street the registry was imported into carries roads and places.
      if (!stored) continue;
      input.street = { code: r.code, name: r.name };
      input.roads = stored.roads ?? [];
      input.places = stored.places ?? [];
    } else if (r.level === "community") {
      input.communities.push({ code: r.code, name: r.name, shortName: r.shortName ?? r.name, kind: oneOf(COMMUNITY_KINDS, r.kind, "社区") });
    } else if (r.level === "grid" && up) {
      input.grids.push({ code: r.code, name: r.name, community: up });
    } else if (r.level === "micro_grid" && up && gridCommunity.has(up)) {
      // A micro-grid whose grid is retired has no live parent: it cannot be a resolution either.
      input.microGrids.push({ code: r.code, name: r.name, grid: up, community: gridCommunity.get(up)!, kind: oneOf(MICRO_GRID_KINDS, r.kind, "street") });
    }
  }
  return input;
}

/** The stored kind if it is one the registry format knows, else a neutral default. */
function oneOf<T extends string>(kinds: readonly T[], kind: string | null, fallback: T): T {
  return kinds.find((k) => k === kind) ?? fallback;
}
