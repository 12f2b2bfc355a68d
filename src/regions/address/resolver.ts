// Resolving a free-text address to the most specific node of the region tree, following the street
// registry's rules (shared/data/registry/README.md): drop the prefix, match names longest first, take the
// last place named ("A旁边的B" is at B), then let a building, house number or group narrow it down.
import {
  buildAddressIndex,
  crossingKey,
  type AddressIndex,
  type AddressResolverInput,
  type Entry,
  type Place,
  type RegionEntry,
  type Road,
} from "./address-index.js";
import { buildFuzzyIndex, buildRoadTypoIndex, findRoadTypo, findTypo, type FuzzyIndex, type RoadTypoIndex } from "./fuzzy.js";
import { LruMemo } from "./memo.js";
import { namesAnotherArea, normaliseChars, parseNumber, stripPrefix } from "./normalise.js";

export { resolverInputFromRegistry, type AddressResolverInput, type LearnedAlias } from "./address-index.js";

export type AddressLevel = "micro_grid" | "grid" | "community" | "street";
export type AddressStatus = "resolved" | "partial" | "unresolved";

export interface AddressResolution {
  /** The address half-width, Simplified, without spaces, punctuation or the prefix above the street. */
  normalised: string;
  code: string | null;
  level: AddressLevel | null;
  /** 0..1: 1 for a building or house number, lower for a place by name, a grid, a community, a typo. */
  confidence: number;
  /** resolved: a micro-grid; partial: a grid or community; unresolved: nothing below the street. */
  status: AddressStatus;
  /** Why, in Chinese for the people who check it: 小区:上傅家小区, 楼幢:3幢, 门牌:上傅路66号 … */
  evidence: string[];
}

export interface AddressResolver {
  resolve(text: string): AddressResolution;
}

const CONFIDENCE = {
  numbered: 1,
  place: 0.9,
  crossingByRoads: 0.85,
  learned: 0.85,
  grid: 0.7,
  numberNotListed: 0.6,
  community: 0.5,
  communityShortForm: 0.45,
  roadOnly: 0.4,
  street: 0.2,
  nearPenalty: 0.1,
  typoPenalty: 0.2,
  conflictPenalty: 0.2,
};

const KIND_LABELS: Record<string, string> = {
  compound: "小区",
  "village-group": "村民小组",
  factory: "企业",
  shop: "商铺",
  landmark: "地标",
  crossing: "路口",
  "public-body": "机关单位",
};

// Read right after a name (sticky), never per place: the building of a compound (3幢, 3号楼, 三栋, 3-2-301,
// also after a redundant 小区: 金桥花园小区3幢), a village group after a village (5组, 第五组, 5小组, 五村民小组,
// 5队; also after the village's stem with 村 or 社区 added, and after a natural village: 太屺村下王自然村5组), a grid
// after a community (第一网格), a house number after a group or road (103号, 第103号, 一百零三号, 66-1号, 66#,
// or a bare number closing the address).
const BUILDING = /(?:小区)?(?:第?(?:(\d+)|([一二两三四五六七八九十]+))(?:号楼|幢|栋|座|号|#)|(\d+)-\d+)/y;
const GROUP = /(?:村|社区)?(?:[\u4e00-\u9fff]{1,4}?自然村)?第?(\d+|[一二两三四五六七八九十]+)(?:组|小组|村民小组|生产队|队)/y;
const GRID_NO = /第?(\d+|[一二三四五六七八九十]+)网格/y;
const HOUSE_NO = /第?(?:(\d+)(?:-\d+)?(?:号|弄|#|$)|([零〇一二两三四五六七八九十百]+)(?:号|弄))/y;
const NEAR = /的?(附近|旁边|边上|后面|后边|斜对面|对面|门口|门前|隔壁|周边|一带|不远处|前面|[东南西北]侧|旁|(?:往|向)[东南西北]{1,2}走?\d*米?)/y;
/** Ways of saying "at the door": the place itself, no less sure. */
const AT_DOOR = new Set(["门口", "门前"]);
/** 东段 / 中段 between a road and its number: the numbering is the road's own, so it is skipped. */
const ROAD_SEGMENT = /[东南西北中]段/y;
const ROAD_JOINER = /^(?:与|和|跟|及|同|\/)?$/;
const CROSSING_WORD = /交叉路口|交叉口|十字路口|路口|交汇处|口/y;

const readAt = (re: RegExp, text: string, pos: number) => {
  re.lastIndex = pos;
  return re.exec(text);
};

/** A house number at `pos`: its value and how many characters it took. Chinese numerals need their 号 / 弄. */
function readHouseNo(text: string, pos: number): { n: number; length: number } | null {
  const m = readAt(HOUSE_NO, text, pos);
  if (!m) return null;
  const n = m[1] !== undefined ? Number(m[1]) : parseNumber(m[2]);
  return Number.isNaN(n) ? null : { n, length: m[0].length };
}

interface Mention {
  entry: Entry;
  start: number;
  end: number;
}

/** One reading of a mention: where it points, how sure, why; `strong` when it names a place, not an area. */
interface Candidate {
  node: RegionEntry;
  confidence: number;
  evidence: string[];
  strong: boolean;
  /** Read from a community's own name, which may disagree with the place named beside it. */
  communityName?: boolean;
  /** A grid named as written (its name, or 第N网格 after a community): no typo guess overrides it. */
  namedGrid?: boolean;
}

export interface AddressResolverOptions {
  /** How many answers to remember by normalised text (default 50,000; 0 remembers none). */
  memoSize?: number;
}

/** Texts longer than this (narratives) are almost never repeated: left out so they do not push addresses out. */
const MEMO_MAX_LENGTH = 48;

/**
 * The resolver answers from its memo when it has seen the normalised text before. The memo lives and dies with
 * the resolver, which is rebuilt whenever the registry or the learned aliases change (intake's deps cache), so
 * an answer never outlives the names it was read from.
 */
export function createAddressResolver(input: AddressResolverInput, options: AddressResolverOptions = {}): AddressResolver {
  const index = buildAddressIndex(input);
  const fuzzy = buildFuzzyIndex(index.entries);
  const roads = new Map<string, Road>();
  for (const e of index.entries) if (e.target.type === "road" && !e.stripped) roads.set(e.key, e.target.road);
  const guesses: Guesses = { fuzzy, roads, roadTypos: buildRoadTypoIndex([...roads.keys()]) };
  const memo = new LruMemo<AddressResolution>(options.memoSize ?? 50_000);
  return {
    resolve: (text) => {
      const { rest, street } = stripPrefix(normaliseChars(text, index.charMap));
      if (rest.length > MEMO_MAX_LENGTH) return resolveNormalised(rest, street, index, guesses);
      const key = street ? `古塘\u0000${rest}` : rest;
      let answer = memo.get(key);
      if (!answer) memo.set(key, (answer = resolveNormalised(rest, street, index, guesses)));
      // A copy, so that a caller changing its answer cannot change the next caller's.
      return { ...answer, evidence: [...answer.evidence] };
    },
  };
}

/** What the typo searches need, built once with the index. */
interface Guesses {
  fuzzy: FuzzyIndex;
  /** Road by its normalised name. */
  roads: Map<string, Road>;
  roadTypos: RoadTypoIndex;
}

function resolveNormalised(rest: string, street: boolean, index: AddressIndex, guesses: Guesses): AddressResolution {
  const mentions = scan(rest, index);
  if (mentions[0]?.start !== 0 && namesAnotherArea(rest)) return unresolved(rest, ["街道外地址"]);

  const candidates = interpretAll(rest, mentions, index);
  let chosen = lastStrong(candidates);
  if (!chosen && !candidates.some((c) => c.namedGrid)) {
    const hit = findTypo(rest, guesses.fuzzy);
    const guess = hit && interpret(rest, { entry: hit.entry, start: hit.start, end: hit.end }, index);
    if (guess?.strong) {
      chosen = { ...guess, confidence: guess.confidence - CONFIDENCE.typoPenalty, evidence: [...guess.evidence, `近似:${hit!.written}→${hit!.entry.key}`] };
    } else {
      const roadHit = findRoadTypo(rest, guesses.roadTypos, guesses.fuzzy.exact, (pos) => readHouseNo(rest, pos) !== null);
      const road = roadHit && guesses.roads.get(roadHit.road);
      const onRoad = road && roadCandidate(road.name, road.ranges, rest, roadHit.end, index);
      if (onRoad?.strong) {
        chosen = { ...onRoad, confidence: onRoad.confidence - CONFIDENCE.typoPenalty, evidence: [...onRoad.evidence, `近似:${roadHit!.written}→${roadHit!.road}`] };
      }
    }
  }
  chosen ??= mostSpecific(candidates);
  if (!chosen) {
    if (street && index.street) {
      return { normalised: rest, code: index.street.code, level: "street", confidence: CONFIDENCE.street, status: "unresolved", evidence: [`街道:${index.street.name}`] };
    }
    return unresolved(rest, []);
  }

  // A community named next to a place elsewhere: keep the place (it is the more specific), but say so.
  let { confidence } = chosen;
  const evidence = [...chosen.evidence];
  for (const c of candidates) {
    if (c.communityName && c.node.community !== chosen.node.community) {
      confidence -= CONFIDENCE.conflictPenalty;
      evidence.push(`社区不符:${c.node.name}`);
      break;
    }
  }
  const level = chosen.node.level;
  return {
    normalised: rest,
    code: chosen.node.code,
    level,
    confidence: Math.round(Math.max(0.05, Math.min(1, confidence)) * 100) / 100,
    status: level === "micro_grid" ? "resolved" : "partial",
    evidence,
  };
}

function unresolved(normalised: string, evidence: string[]): AddressResolution {
  return { normalised, code: null, level: null, confidence: 0, status: "unresolved", evidence };
}

/** Names left to right, the longest at each position; text between names is skipped. */
function scan(text: string, index: AddressIndex): Mention[] {
  const mentions: Mention[] = [];
  for (let pos = 0; pos < text.length; ) {
    const entry = index.trie.longestAt(text, pos);
    if (entry) {
      mentions.push({ entry, start: pos, end: pos + entry.key.length });
      pos += entry.key.length;
    } else pos++;
  }
  return mentions;
}

function interpretAll(text: string, mentions: Mention[], index: AddressIndex): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const next = mentions[i + 1];
    // Two roads joined by 与/和 (or nothing) are their crossing, in either order and with any 路口 wording.
    if (m.entry.target.type === "road" && next?.entry.target.type === "road" && ROAD_JOINER.test(text.slice(m.end, next.start))) {
      const crossing = index.crossings.get(crossingKey(m.entry.target.road.name, next.entry.target.road.name));
      if (crossing) {
        const c = placeCandidate(crossing, text, next.end + (readAt(CROSSING_WORD, text, next.end)?.[0].length ?? 0), index);
        if (c) out.push({ ...c, confidence: Math.min(c.confidence, CONFIDENCE.crossingByRoads) });
        i++;
        continue;
      }
    }
    const c = interpret(text, m, index);
    if (c) out.push(c);
  }
  return out;
}

function interpret(text: string, m: Mention, index: AddressIndex): Candidate | null {
  const { target, via } = m.entry;
  const alias = via === "alias" || via === "learned" ? [`别名:${text.slice(m.start, m.end)}`] : [];
  let c: Candidate | null;
  if (target.type === "place") c = placeCandidate(target.place, text, m.end, index);
  else if (target.type === "road") c = roadCandidate(target.road.name, target.road.ranges, text, m.end, index);
  else c = nodeCandidate(target.node, text, m, index);
  if (!c) return null;
  if (via === "learned") return { ...c, strong: true, confidence: Math.min(c.confidence, CONFIDENCE.learned), evidence: [...alias, ...c.evidence] };
  // The alias goes right after the place it names, before the building or house number.
  return alias.length ? { ...c, evidence: [c.evidence[0], ...alias, ...c.evidence.slice(1)] } : c;
}

function nodeCandidate(node: RegionEntry, text: string, m: Mention, index: AddressIndex): Candidate | null {
  if (node.level === "micro_grid") return { node, confidence: CONFIDENCE.place, evidence: [`微网格:${node.name}`], strong: true };
  if (node.level === "grid") return { node, confidence: CONFIDENCE.grid, evidence: [`网格:${node.name}`], strong: false, namedGrid: true };
  const label = node.name.endsWith("村委会") ? "村" : "社区";
  const group = readAt(GROUP, text, m.end);
  const place = group && index.groups.get(node.code)?.get(parseNumber(group[1]));
  if (place) return placeCandidate(place, text, m.end + group[0].length, index);
  const gridNo = readAt(GRID_NO, text, m.end);
  const grid = gridNo && index.nodes.get(`${node.code}-G${String(parseNumber(gridNo[1])).padStart(2, "0")}`);
  if (grid) return { node: grid, confidence: CONFIDENCE.grid, evidence: [`${label}:${node.name}`, `网格:${grid.name}`], strong: false, communityName: true, namedGrid: true };
  const short = m.entry.via === "short" && m.entry.key.length < 3;
  const confidence = short ? CONFIDENCE.communityShortForm : CONFIDENCE.community;
  return { node, confidence, evidence: [`${label}:${node.name}`], strong: false, communityName: true };
}

function placeCandidate(place: Place, text: string, end: number, index: AddressIndex): Candidate | null {
  const evidence = [`${KIND_LABELS[place.kind] ?? "地点"}:${place.name}`];
  const grid = index.nodes.get(place.grid);
  if (place.kind === "compound") return compoundCandidate(place, text, end, evidence, index);
  if (place.kind === "village-group") {
    const house = readHouseNo(text, end);
    if (house) {
      const { n } = house;
      const range = place.houseNumbers?.find((r) => r.from <= n && n <= r.to);
      const node = range && index.nodes.get(range.microGrid);
      if (node) return { node, confidence: CONFIDENCE.numbered, evidence: [...evidence, `门牌:${n}号`], strong: true };
      if (grid) return { node: grid, confidence: CONFIDENCE.numberNotListed, evidence: [...evidence, `门牌:${n}号(不在登记范围)`], strong: true };
    }
    return grid ? { node: grid, confidence: CONFIDENCE.grid, evidence, strong: true } : null;
  }
  const micro = place.microGrid ? index.nodes.get(place.microGrid) : undefined;
  const c = micro ? { node: micro, confidence: CONFIDENCE.place, evidence, strong: true } : grid ? { node: grid, confidence: CONFIDENCE.grid, evidence, strong: true } : null;
  // "Behind the landmark" or "100 m east of the crossing" is near the place, maybe in the next micro-grid.
  const near = c && readAt(NEAR, text, end);
  if (!near) return c;
  return { ...c, confidence: AT_DOOR.has(near[1]) ? c.confidence : c.confidence - CONFIDENCE.nearPenalty, evidence: [...evidence, `方位:${near[1]}`] };
}

/** A compound and what follows it: the building's micro-grid, or the compound's grid without one. */
function compoundCandidate(place: Place, text: string, end: number, evidence: string[], index: AddressIndex): Candidate | null {
  const grid = index.nodes.get(place.grid);
  const b = readAt(BUILDING, text, end);
  if (b) {
    const no = b[1] ? Number(b[1]) : b[2] ? parseNumber(b[2]) : Number(b[3]);
    const code = index.buildings.get(place.id)?.get(no);
    const node = code ? index.nodes.get(code) : undefined;
    if (node) return { node, confidence: CONFIDENCE.numbered, evidence: [...evidence, `楼幢:${no}幢`], strong: true };
    if (grid) return { node: grid, confidence: CONFIDENCE.numberNotListed, evidence: [...evidence, `楼幢:${no}幢(不在登记范围)`], strong: true };
  }
  return grid ? { node: grid, confidence: CONFIDENCE.grid, evidence, strong: true } : null;
}

function roadCandidate(
  name: string,
  ranges: { from: number; to: number; grid: string; microGrid?: string; gateOf?: string }[],
  text: string,
  end: number,
  index: AddressIndex,
): Candidate | null {
  const area = index.roadArea.get(name);
  end += readAt(ROAD_SEGMENT, text, end)?.[0].length ?? 0;
  const house = readHouseNo(text, end);
  if (!house) return area ? { node: area, confidence: CONFIDENCE.roadOnly, evidence: [`道路:${name}`], strong: false } : null;
  const { n } = house;
  const door = `门牌:${name}${n}号`;
  const range = ranges.find((r) => r.from <= n && n <= r.to);
  const gate = range?.gateOf ? index.places.get(range.gateOf) : undefined;
  if (gate) {
    // The number is a compound's gate: the building, if one follows, says which micro-grid.
    const c = compoundCandidate(gate, text, end + house.length, [door, `${KIND_LABELS.compound}:${gate.name}`], index);
    if (c) return c;
  }
  const node = range?.microGrid ? index.nodes.get(range.microGrid) : range ? index.nodes.get(range.grid) : undefined;
  if (node) return { node, confidence: node.level === "micro_grid" ? CONFIDENCE.numbered : CONFIDENCE.grid, evidence: [door], strong: true };
  return area ? { node: area, confidence: CONFIDENCE.roadOnly, evidence: [`${door}(不在登记范围)`], strong: false } : null;
}

function lastStrong(candidates: Candidate[]): Candidate | undefined {
  for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i].strong) return candidates[i];
  return undefined;
}

const DEPTH: Record<RegionEntry["level"], number> = { community: 1, grid: 2, micro_grid: 3 };

/** Without a place: the deepest area named (a grid over a community, a community over a road's area). */
function mostSpecific(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best || DEPTH[c.node.level] > DEPTH[best.node.level] || (DEPTH[c.node.level] === DEPTH[best.node.level] && c.confidence >= best.confidence)) best = c;
  }
  return best;
}
