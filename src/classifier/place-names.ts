// The street's own place names, from the shipped registry: communities, roads, compounds, village groups, shops,
// factories, landmarks, crossings and grids. The tokeniser adds them to jieba's dictionary so that each is one token,
// and then drops them: a place says where a dispute is, not what it is about. Only the kind of place (a shop, a
// crossing, a hospital) is kept, through the place's head word.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REGISTRY_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "regions", "data", "gutang-registry.json");

export type PlaceKind = "community" | "road" | "grid" | "compound" | "village-group" | "shop" | "factory" | "landmark" | "crossing";

export interface PlaceName {
  name: string;
  kind: PlaceKind;
  /** A community's name without 社区 / 村: also an ordinary word sometimes (开发, 园丁), so added only when it is not. */
  stem?: true;
}

interface RegistryShape {
  street?: { name?: string; parents?: { name: string }[] };
  communities?: { name: string; shortName?: string | null }[];
  roads?: { name: string }[];
  grids?: { name: string }[];
  places?: { kind: string; name: string; aliases?: string[] }[];
}

// Public bodies (the street office, the demolition headquarters, a village committee) are left out: they name who
// a dispute is with, which is part of what it is about.
const PLACE_KINDS = new Set<string>(["compound", "village-group", "shop", "factory", "landmark", "crossing"]);

/** Every place name and alias of a registry document, longest first, each once. */
export function placeNamesOf(registry: RegistryShape): PlaceName[] {
  const byName = new Map<string, PlaceName>();
  const add = (name: string | null | undefined, kind: PlaceKind, stem = false) => {
    const n = name?.trim();
    if (n && n.length >= 2 && !byName.has(n)) byName.set(n, stem ? { name: n, kind, stem } : { name: n, kind });
  };
  // The street and the levels above it (古塘街道, 慈溪市 …): in every address, telling nothing.
  add(registry.street?.name, "community");
  for (const p of registry.street?.parents ?? []) add(p.name, "community");
  for (const c of registry.communities ?? []) {
    add(c.name, "community");
    add(c.shortName, "community");
    // 上傅家社区 is also said 上傅家; 太屺村委会 is also 太屺村 (the short name) and 太屺.
    add(c.name.replace(/(社区|村委会|村民委员会)$/, ""), "community", true);
    add((c.shortName ?? "").replace(/(社区|村)$/, ""), "community", true);
  }
  for (const r of registry.roads ?? []) add(r.name, "road");
  for (const g of registry.grids ?? []) add(g.name, "grid");
  for (const p of registry.places ?? []) {
    if (!PLACE_KINDS.has(p.kind)) continue;
    add(p.name, p.kind as PlaceKind);
    for (const a of p.aliases ?? []) add(a, p.kind as PlaceKind);
  }
  return [...byName.values()].sort((a, b) => b.name.length - a.name.length);
}

let shipped: PlaceName[] | null = null;

/** The place names of the registry that ships with the project. */
export function shippedPlaceNames(): PlaceName[] {
  shipped ??= placeNamesOf(JSON.parse(fs.readFileSync(REGISTRY_PATH, "utf8").replace(/^\uFEFF/, "")) as RegistryShape);
  return shipped;
}
