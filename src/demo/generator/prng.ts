// A small seeded PRNG (sfc32 seeded through splitmix32): the same seed gives the same year of records on every
// machine. Each dispute draws from its own stream (`new Rng(seed, i)`), so the number of draws one dispute makes
// does not shift the draws of the disputes after it.

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

interface Table {
  keys: string[];
  cumulative: number[];
  total: number;
}
// Weight tables are module constants or built per call; a WeakMap lets the constant ones be read once.
const TABLES = new WeakMap<object, Table>();

export class Rng {
  // Typed-array state: plain number fields holding 32-bit values would box a heap number on every draw.
  private readonly s = new Int32Array(4);

  constructor(seed: number, stream = 0) {
    const mix = splitmix32((seed >>> 0) ^ Math.imul(stream >>> 0, 0x27d4eb2d) ^ (Math.floor(stream / 0x1_0000_0000) >>> 0));
    for (let i = 0; i < 4; i++) this.s[i] = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.u32() / 0x1_0000_0000;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** The index drawn with it, for recording which phrasing was used. */
  pickIndex(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One of the keys, with probability proportional to its weight (tables are read once and cached). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    let table = TABLES.get(weights);
    if (!table) {
      const keys = Object.keys(weights);
      const cumulative: number[] = [];
      let total = 0;
      for (const k of keys) cumulative.push((total += (weights as Record<string, number>)[k]));
      table = { keys, cumulative, total };
      TABLES.set(weights, table);
    }
    const r = this.next() * table.total;
    const { cumulative } = table;
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return table.keys[i] as K;
    return table.keys[table.keys.length - 1] as K;
  }

  /** k distinct elements, in random order. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const copy = xs.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
}
