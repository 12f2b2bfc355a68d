// Typo tolerance: one wrong or one missing character in a name of four characters or more. Shorter names
// are left out because one changed character in 金桥路 already names a different road. Only used when the
// exact pass found no place, so its cost (a few thousand short string slices) is paid by the rare address.
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
  const lengths = new Set<number>();
  // Community short forms (上傅家, 太屺) are too short and too common inside other words to guess at.
  const usable = entries.filter((e) => e.key.length >= MIN_LENGTH && e.via !== "short");
  for (const e of usable) {
    lengths.add(e.key.length);
    for (let k = 0; k < e.key.length; k++) {
      push(substituted, e.key.slice(0, k) + WILDCARD + e.key.slice(k + 1), e);
      push(shortened, e.key.slice(0, k) + e.key.slice(k + 1), e);
    }
  }
  return {
    substituted,
    shortened,
    lengths: [...lengths].sort((a, b) => b - a),
    exact: new Set(entries.map((e) => e.key)),
  };
}

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
    for (const length of index.lengths) {
      if (start + length <= text.length) {
        const window = text.slice(start, start + length);
        for (let k = 0; k < length; k++) {
          const candidates = index.substituted.get(window.slice(0, k) + WILDCARD + window.slice(k + 1));
          // A candidate whose character at k is the one written is an exact match, found by the exact pass.
          consider(candidates?.filter((e) => e.key[k] !== window[k]), start, start + length);
        }
      }
      if (start + length - 1 <= text.length) consider(index.shortened.get(text.slice(start, start + length - 1)), start, start + length - 1);
    }
  }
  return best;
}
