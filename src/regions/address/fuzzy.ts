// Typo tolerance: one wrong or one missing character in a name of four characters or more. Shorter names
// are left out because one changed character in 金桥路 already names a different road (roads get one guarded
// guess of their own, below, when a house number follows). Only used when the
// exact pass found no place. A window can only match a name with one typo if one of two character pairs is
// where it is in some name of that length (one typo spoils at most one of the pairs), so most positions of a
// long narrative are skipped after three map lookups, and only the few windows left are looked up.
import { sameTarget, type Entry } from "./address-index.js";

const MIN_LENGTH = 4;
const WILDCARD = "\u0000";

export interface FuzzyIndex {
  /** A name with one character replaced by the wildcard → the entries it came from. */
  substituted: Map<string, Entry[]>;
  /** A name with one character left out → the entries it came from. */
  shortened: Map<string, Entry[]>;
  /** Key lengths present, longest first. */
  lengths: number[];
  exact: Set<string>;
  /** One bit per key length (bit i for lengths[i]; the longest share bit 30 if there are more than 31). */
  lengthBits: number[];
  /** Pair of characters (c1 << 16 | c2) at positions 0-1 / 2-3 of the names → bits of the lengths with it there. */
  firstPairs: Map<number, number>;
  thirdPairs: Map<number, number>;
}

export interface FuzzyHit {
  entry: Entry;
  start: number;
  end: number;
  written: string;
}

export function buildFuzzyIndex(entries: Entry[]): FuzzyIndex {
  const substituted = new Map<string, Entry[]>();
  const shortened = new Map<string, Entry[]>();
  const push = (map: Map<string, Entry[]>, key: string, e: Entry) => {
    const list = map.get(key);
    if (!list) map.set(key, [e]);
    else if (!list.some((x) => sameTarget(x.target, e.target))) list.push(e);
  };
  // Community short forms (上傅家, 太屺) are too short and too common inside other words to guess at.
  const usable = entries.filter((e) => e.key.length >= MIN_LENGTH && e.via !== "short");
  const lengths = [...new Set(usable.map((e) => e.key.length))].sort((a, b) => b - a);
  const lengthBits = lengths.map((_, i) => 1 << Math.min(i, 30));
  const bitOf = new Map(lengths.map((l, i) => [l, lengthBits[i]]));
  const firstPairs = new Map<number, number>();
  const thirdPairs = new Map<number, number>();
  for (const e of usable) {
    const bit = bitOf.get(e.key.length)!;
    firstPairs.set(pairAt(e.key, 0), (firstPairs.get(pairAt(e.key, 0)) ?? 0) | bit);
    thirdPairs.set(pairAt(e.key, 2), (thirdPairs.get(pairAt(e.key, 2)) ?? 0) | bit);
    for (let k = 0; k < e.key.length; k++) {
      push(substituted, e.key.slice(0, k) + WILDCARD + e.key.slice(k + 1), e);
      push(shortened, e.key.slice(0, k) + e.key.slice(k + 1), e);
    }
  }
  return {
    substituted,
    shortened,
    lengths,
    exact: new Set(entries.map((e) => e.key)),
    lengthBits,
    firstPairs,
    thirdPairs,
  };
}

const pairAt = (text: string, i: number) => (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);

/** The longest name the text names with one typo, when only one place fits; the later one on a tie. */
export function findTypo(text: string, index: FuzzyIndex): FuzzyHit | null {
  let best: FuzzyHit | null = null;
  const consider = (candidates: Entry[] | undefined, start: number, end: number) => {
    if (candidates?.length !== 1) return;
    const [entry] = candidates;
    const written = text.slice(start, end);
    if (index.exact.has(written)) return;
    if (!best || entry.key.length > best.entry.key.length || (entry.key.length === best.entry.key.length && start > best.start))
      best = { entry, start, end, written };
  };
  for (let start = 0; start + MIN_LENGTH - 1 <= text.length; start++) {
    // One replaced character leaves the name's pair at 0 or at 2 in place; one left out leaves its pair at 0
    // in place, or shifts its pair at 2 to 1. (Past the end charCodeAt gives NaN, which `<<` and `|` turn
    // into 0: no pair of two real characters is 0 or c << 16, so a pair cut by the end matches nothing.)
    const first = index.firstPairs.get(pairAt(text, start)) ?? 0;
    const replaced = first | (index.thirdPairs.get(pairAt(text, start + 2)) ?? 0);
    const missing = first | (index.thirdPairs.get(pairAt(text, start + 1)) ?? 0);
    if (!replaced && !missing) continue;
    for (let i = 0; i < index.lengths.length; i++) {
      const length = index.lengths[i];
      const bit = index.lengthBits[i];
      if (replaced & bit && start + length <= text.length) {
        const window = text.slice(start, start + length);
        for (let k = 0; k < length; k++) {
          const candidates = index.substituted.get(window.slice(0, k) + WILDCARD + window.slice(k + 1));
          // A candidate whose character at k is the one written is an exact match, found by the exact pass.
          consider(candidates?.filter((e) => e.key[k] !== window[k]), start, start + length);
        }
      }
      if (missing & bit && start + length - 1 <= text.length) consider(index.shortened.get(text.slice(start, start + length - 1)), start, start + length - 1);
    }
  }
  return best;
}

/**
 * Road names are three or four characters, too short for the search above, but a road followed by a house
 * number is worth one guess: 上付路66号 is 上傅路66号 when no other road is one character away. The last
 * character (路, 街, 道) must be as written, the window must not be a name itself, and only one road may fit.
 */
export interface RoadTypoIndex {
  /** A road's name with one character (not the last) replaced by the wildcard → the road names. */
  substituted: Map<string, string[]>;
  /** Road name lengths, longest first. */
  lengths: number[];
  /** Last characters of road names. */
  endings: Set<string>;
}

export function buildRoadTypoIndex(roadNames: string[]): RoadTypoIndex {
  const substituted = new Map<string, string[]>();
  for (const name of new Set(roadNames)) {
    for (let k = 0; k < name.length - 1; k++) {
      const key = name.slice(0, k) + WILDCARD + name.slice(k + 1);
      substituted.set(key, [...(substituted.get(key) ?? []), name]);
    }
  }
  return {
    substituted,
    lengths: [...new Set(roadNames.map((n) => n.length))].sort((a, b) => b - a),
    endings: new Set(roadNames.map((n) => n[n.length - 1])),
  };
}

/** The last road the text names with one wrong character, right before `hasNumberAt` says a number follows. */
export function findRoadTypo(
  text: string,
  index: RoadTypoIndex,
  exact: Set<string>,
  hasNumberAt: (pos: number) => boolean,
): { road: string; start: number; end: number; written: string } | null {
  for (let end = text.length; end > 0; end--) {
    if (!index.endings.has(text[end - 1]) || !hasNumberAt(end)) continue;
    for (const length of index.lengths) {
      const start = end - length;
      if (start < 0) continue;
      const window = text.slice(start, end);
      if (exact.has(window)) continue;
      const roads = new Set<string>();
      for (let k = 0; k < length - 1; k++) {
        for (const road of index.substituted.get(window.slice(0, k) + WILDCARD + window.slice(k + 1)) ?? []) if (road[k] !== window[k]) roads.add(road);
      }
      if (roads.size === 1) return { road: [...roads][0], start, end, written: window };
    }
  }
  return null;
}
