// The typo search skips start positions by two character pairs; these tests check it against the plain search
// that tries every window, for typos at every position of the registry's names.
import { describe, expect, it } from "vitest";
import { loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../import-registry.js";
import { buildAddressIndex, type Entry } from "./address-index.js";
import { buildFuzzyIndex, findTypo, type FuzzyHit, type FuzzyIndex } from "./fuzzy.js";
import { resolverInputFromRegistry } from "./resolver.js";

const index = buildAddressIndex(resolverInputFromRegistry(loadRegistryFile(SHIPPED_REGISTRY_PATH)));
const fuzzy = buildFuzzyIndex(index.entries);

/** Every window of every length, every position wildcarded: the search without the pair filter. */
function plainSearch(text: string, f: FuzzyIndex): FuzzyHit | null {
  let best: FuzzyHit | null = null;
  const consider = (candidates: Entry[] | undefined, start: number, end: number) => {
    if (candidates?.length !== 1) return;
    const written = text.slice(start, end);
    if (f.exact.has(written)) return;
    const [entry] = candidates;
    if (!best || entry.key.length > best.entry.key.length || (entry.key.length === best.entry.key.length && start > best.start)) best = { entry, start, end, written };
  };
  for (let start = 0; start + 3 <= text.length; start++) {
    for (const length of f.lengths) {
      if (start + length <= text.length) {
        const w = text.slice(start, start + length);
        for (let k = 0; k < length; k++) consider(f.substituted.get(w.slice(0, k) + "\u0000" + w.slice(k + 1))?.filter((e) => e.key[k] !== w[k]), start, start + length);
      }
      if (start + length - 1 <= text.length) consider(f.shortened.get(text.slice(start, start + length - 1)), start, start + length - 1);
    }
  }
  return best;
}

const usable = index.entries.filter((e) => e.key.length >= 4 && e.via !== "short");

describe("findTypo", () => {
  it("finds what the plain search finds, for a wrong or missing character at every position", () => {
    let found = 0;
    let checked = 0;
    for (const [n, e] of usable.entries()) {
      if (n % 4 !== 0) continue;
      for (let k = 0; k < e.key.length; k++) {
        const wrong = `${e.key.slice(0, k)}某${e.key.slice(k + 1)}`;
        const missing = e.key.slice(0, k) + e.key.slice(k + 1);
        for (const typo of [wrong, missing]) {
          // At the start, in the middle of a sentence, and cut off by the end of the text.
          for (const text of [typo, `昨天在${typo}门口吵架`, `反映${typo}`]) {
            const hit = findTypo(text, fuzzy);
            expect(hit, text).toEqual(plainSearch(text, fuzzy));
            checked++;
            if (hit) found++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // Most typos of a name of four or more characters point at one name only.
    expect(found / checked).toBeGreaterThan(0.5);
  });

  it("finds a typo in a long narrative, and nothing in text with no name near", () => {
    const e = usable.find((x) => x.key.length >= 6)!;
    const typo = `${e.key.slice(0, 3)}${e.key.slice(4)}`;
    const filler = "双方因为琐事发生口角，经过调解员多次上门做工作，";
    const text = `${filler.repeat(3)}事发地点在${typo}，${filler}`;
    expect(findTypo(text, fuzzy)).toEqual(plainSearch(text, fuzzy));
    expect(findTypo(text, fuzzy)?.entry.key).toBe(e.key);
    expect(findTypo(filler.repeat(4), fuzzy)).toBeNull();
  });
});
