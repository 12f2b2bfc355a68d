// The lookup structures the resolver builds once from the registry: a character trie over every name and
// alias (so one pass over an address finds the longest names), and maps from a place to its buildings,
// from a village to its groups, and from a pair of roads to their crossing.
import { z } from "zod";
import type { Registry, RegistryCommunity, RegistryGrid, RegistryMicroGrid } from "../registry-format.js";
import { buildCharMap, normaliseChars, stripPrefix } from "./normalise.js";

// The registry format types roads and places loosely; these are the fields resolution relies on.
const Range = z.object({
  from: z.number().int(),
  to: z.number().int(),
  community: z.string(),
  grid: z.string(),
  microGrid: z.string().optional(),
  gateOf: z.string().optional(),
});
export const RoadSchema = z.object({ name: z.string().min(1), ranges: z.array(Range) });
export const PlaceSchema = z.object({
  id: z.string().min(1),
  kind: z.string(),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  community: z.string(),
  grid: z.string(),
  microGrid: z.string().nullable().default(null),
  buildings: z.array(z.object({ no: z.number().int(), microGrid: z.string() })).optional(),
  houseNumbers: z.array(z.object({ from: z.number().int(), to: z.number().int(), microGrid: z.string() })).optional(),
  groupNo: z.number().int().optional(),
});
export type Road = z.infer<typeof RoadSchema>;
export type Place = z.infer<typeof PlaceSchema>;

/** An alias learned from corrected cases: free text → a region code (community, grid, micro-grid) or a place id. */
export interface LearnedAlias {
  alias: string;
  code: string;
}

export interface AddressResolverInput {
  /** The street itself, so that an address naming only 古塘街道 resolves to it. */
  street?: { code: string; name: string };
  communities: Pick<RegistryCommunity, "code" | "name" | "shortName" | "kind">[];
  grids: Pick<RegistryGrid, "code" | "name" | "community">[];
  microGrids: Pick<RegistryMicroGrid, "code" | "name" | "grid" | "community" | "kind">[];
  roads: Registry["roads"];
  places: Registry["places"];
  aliases?: LearnedAlias[];
}

export type NodeLevel = "micro_grid" | "grid" | "community";
export interface RegionEntry {
  code: string;
  name: string;
  level: NodeLevel;
  community: string;
  grid: string | null;
}

export type Target =
  | { type: "node"; node: RegionEntry }
  | { type: "place"; place: Place }
  | { type: "road"; road: Road };

/** What a matched key stands for and how it was written (official name, alias, short form). */
export interface Entry {
  key: string;
  target: Target;
  via: "name" | "alias" | "short" | "learned";
  /** The key is a name with its 慈溪市 / 古塘 prefix dropped: it ranks below the names and aliases as written. */
  stripped?: boolean;
}

// On equal keys the official name of a community or place beats a registry alias, which beats a learned
// alias or a short form: "太屺村委会" is the village's official name and also a public body's alias.
const RANK: Record<Entry["via"], number> = { name: 3, alias: 2, learned: 1, short: 1 };
const rank = (e: Entry) => RANK[e.via] - (e.stripped ? 1.5 : 0);
/** Two entries of equal rank for different targets: neither is taken, but a higher-ranked entry still can be. */
interface Ambiguous {
  ambiguousAt: number;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: Entry | Ambiguous;
}

const isAmbiguous = (e: Entry | Ambiguous): e is Ambiguous => "ambiguousAt" in e;

export class NameTrie {
  private readonly root: TrieNode = { next: new Map() };

  insert(entry: Entry): void {
    let node = this.root;
    for (let i = 0; i < entry.key.length; i++) {
      const c = entry.key.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    const old = node.entry;
    const oldRank = old && (isAmbiguous(old) ? old.ambiguousAt : rank(old));
    if (!old || rank(entry) > oldRank!) node.entry = entry;
    else if (!isAmbiguous(old) && rank(entry) === oldRank && !sameTarget(old.target, entry.target)) node.entry = { ambiguousAt: oldRank };
  }

  /** The longest unambiguous key starting at `pos`, or null. */
  longestAt(text: string, pos: number): Entry | null {
    let node: TrieNode | undefined = this.root;
    let best: Entry | null = null;
    for (let i = pos; i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.entry && !isAmbiguous(node.entry)) best = node.entry;
    }
    return best;
  }
}

export function targetId(t: Target): string {
  return t.type === "node" ? t.node.code : t.type === "place" ? t.place.id : `road:${t.road.name}`;
}
export function sameTarget(a: Target, b: Target): boolean {
  return targetId(a) === targetId(b);
}

export interface AddressIndex {
  charMap: Map<number, string>;
  trie: NameTrie;
  /** Every entry, for the typo search. */
  entries: Entry[];
  nodes: Map<string, RegionEntry>;
  places: Map<string, Place>;
  /** place id → building number → micro-grid code. */
  buildings: Map<string, Map<number, string>>;
  /** community code → group number → village-group place. */
  groups: Map<string, Map<number, Place>>;
  /** "road|road" (sorted) → crossing place. */
  crossings: Map<string, Place>;
  /** road name → the single grid or community all its numbers lie in, if there is one. */
  roadArea: Map<string, RegionEntry>;
  street?: { code: string; name: string };
}

const CROSSING_NAME = /^(.+?)(?:与|和)(.+?)(?:交叉口|路口)$/;
export const crossingKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * A compound's everyday name: its stem with 小区 (傅家新村 → 傅家小区, 阳光花苑 → 阳光小区), as the registry's own
 * aliases often are. Ranked as a short form, so a registry name or alias of the same key wins, and two compounds
 * sharing a stem (金桥花园, 金桥新村 → 金桥小区) leave it to neither.
 */
const COMPOUND_SUFFIX = /^(.{2,}?)(?:新村|花园|花苑|雅苑|公寓|家园|名邸|人家|华庭|苑)$/;
export function compoundShortForm(name: string): string | null {
  const stem = COMPOUND_SUFFIX.exec(name)?.[1];
  return stem ? `${stem}小区` : null;
}

/** Community short forms: 上傅家社区 → 上傅家, 太屺村委会 → 太屺村 (its shortName) → 太屺. */
function communityStems(c: { name: string; shortName: string }): string[] {
  const stems = [c.shortName, c.name.replace(/(社区|村委会|居委会)$/, ""), c.shortName.replace(/(社区|村)$/, "")];
  return stems.filter((s) => s.length >= 2);
}

export function buildAddressIndex(input: AddressResolverInput): AddressIndex {
  const roads = z.array(RoadSchema).parse(input.roads);
  const places = z.array(PlaceSchema).parse(input.places);

  const nodes = new Map<string, RegionEntry>();
  for (const c of input.communities) nodes.set(c.code, { code: c.code, name: c.name, level: "community", community: c.code, grid: null });
  for (const g of input.grids) nodes.set(g.code, { code: g.code, name: g.name, level: "grid", community: g.community, grid: g.code });
  for (const m of input.microGrids) nodes.set(m.code, { code: m.code, name: m.name, level: "micro_grid", community: m.community, grid: m.grid });

  const rawNames = [
    ...input.communities.flatMap((c) => [c.name, c.shortName]),
    ...input.grids.map((g) => g.name),
    ...input.microGrids.map((m) => m.name),
    ...roads.map((r) => r.name),
    ...places.flatMap((p) => [p.name, ...p.aliases]),
  ];
  const charMap = buildCharMap(rawNames);
  const trie = new NameTrie();
  const entries: Entry[] = [];
  const add = (raw: string, target: Target, via: Entry["via"]) => {
    const normal = normaliseChars(raw, charMap);
    // Addresses lose their prefix before matching, so names that start with 慈溪市 / 古塘 are indexed without it too.
    const keys = new Set([normal, stripPrefix(normal).rest]);
    for (const key of keys) {
      if (key.length < 2) continue;
      const entry: Entry = key === normal ? { key, target, via } : { key, target, via, stripped: true };
      trie.insert(entry);
      entries.push(entry);
    }
  };

  for (const c of input.communities) {
    const target: Target = { type: "node", node: nodes.get(c.code)! };
    add(c.name, target, "name");
    add(c.shortName, target, "name");
    for (const stem of communityStems(c)) add(stem, target, "short");
  }
  for (const g of input.grids) add(g.name, { type: "node", node: nodes.get(g.code)! }, "name");
  // Micro-grids of special grids have names people use (城北医院住院区, 古塘工业园西区); the others are "X小区1-2幢".
  for (const m of input.microGrids) if (m.kind === "special") add(m.name, { type: "node", node: nodes.get(m.code)! }, "name");
  for (const r of roads) add(r.name, { type: "road", road: r }, "name");
  for (const p of places) {
    add(p.name, { type: "place", place: p }, "name");
    for (const a of p.aliases) add(a, { type: "place", place: p }, "alias");
    const short = p.kind === "compound" ? compoundShortForm(p.name) : null;
    if (short) add(short, { type: "place", place: p }, "short");
  }
  const placeById = new Map(places.map((p) => [p.id, p]));
  for (const { alias, code } of input.aliases ?? []) {
    const place = placeById.get(code);
    const node = nodes.get(code);
    // An alias pointing at a node the registry no longer has is stale: skipped rather than failing the build.
    if (place) add(alias, { type: "place", place }, "learned");
    else if (node) add(alias, { type: "node", node }, "learned");
  }

  const buildings = new Map<string, Map<number, string>>();
  const groups = new Map<string, Map<number, Place>>();
  const crossings = new Map<string, Place>();
  const roadNames = new Set(roads.map((r) => r.name));
  for (const p of places) {
    if (p.buildings) buildings.set(p.id, new Map(p.buildings.map((b) => [b.no, b.microGrid])));
    if (p.kind === "village-group" && p.groupNo !== undefined) {
      if (!groups.has(p.community)) groups.set(p.community, new Map());
      groups.get(p.community)!.set(p.groupNo, p);
    }
    const m = p.kind === "crossing" ? CROSSING_NAME.exec(p.name) : null;
    if (m && roadNames.has(m[1]) && roadNames.has(m[2])) crossings.set(crossingKey(m[1], m[2]), p);
  }

  const roadArea = new Map<string, RegionEntry>();
  for (const r of roads) {
    const grids = new Set(r.ranges.map((x) => x.grid));
    const communities = new Set(r.ranges.map((x) => x.community));
    const area = grids.size === 1 ? nodes.get([...grids][0]) : communities.size === 1 ? nodes.get([...communities][0]) : undefined;
    if (area) roadArea.set(r.name, area);
  }
  return { charMap, trie, entries, nodes, places: placeById, buildings, groups, crossings, roadArea, street: input.street };
}

/** The resolver's input from a parsed registry file. */
export function resolverInputFromRegistry(registry: Registry, aliases?: LearnedAlias[]): AddressResolverInput {
  const { communities, grids, microGrids, roads, places, street } = registry;
  return { street: { code: street.code, name: street.name }, communities, grids, microGrids, roads, places, aliases };
}
