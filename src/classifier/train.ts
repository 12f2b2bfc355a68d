// Training the dispute classifier: softmax regression with L2, fitted by AdaGrad over sparse features, classes
// balanced, then a temperature fitted on a held-out part so that the confidence means what it says.
import { CATEGORIES, type CategoryCode } from "../cases/categories.js";
import type { ChannelWordTable } from "./channel-words.js";
import { caseFeatures, type CaseFeatures, type ChannelWordsInput } from "./features.js";
import { encode, logits, softmax, type Encoded, type Model } from "./model.js";
import { seededRandom as rng, shuffle } from "./random.js";

export interface TrainingExample {
  text: string;
  category: CategoryCode;
  /** The channel's own words; bare words are placed by the table, as in predict. */
  channelWords?: ChannelWordsInput;
  /** Where it came from (seed, demo, sample, correction), counted in the model's info. */
  source?: string;
  /** How much it counts; 1 unless said. */
  weight?: number;
  /** Examples of one group (one account in several frames, the records of one dispute) are held out together. */
  group?: string;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** A text feature must occur in this many examples to enter the model. */
  minCount?: number;
  /** 0 leaves class frequencies as they are, 1 weighs every class equally in total. */
  classBalance?: number;
  /** Share of the examples held out to fit the temperature; 0 keeps it at 1. */
  heldOut?: number;
  /** How fast the per-category bias learns, relative to the weights; 0 keeps every category's bias at 0. */
  biasRate?: number;
  /** Features whose largest weight is smaller than this are pruned from the saved model. */
  pruneBelow?: number;
  seed?: number;
  table?: ChannelWordTable;
  /** Extra facts to keep in the model's info. */
  info?: Record<string, unknown>;
}

const DEFAULTS = { epochs: 12, learningRate: 0.3, l2: 1e-3, minCount: 1, classBalance: 0.5, heldOut: 0.2, pruneBelow: 0.004, seed: 1, biasRate: 0 };

function vocabulary(featured: CaseFeatures[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const f of featured) for (const name of [...f.text, ...f.channel]) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Mapped channel categories are always kept: an admin's table may name them where training never did.
  const names = [...counts].filter(([name, n]) => n >= minCount || name.startsWith("cm:")).map(([name]) => name);
  for (const c of CATEGORIES) if (!counts.has(`cm:${c}`)) names.push(`cm:${c}`);
  return names.sort();
}

interface Fitted {
  weights: Float64Array;
  bias: Float64Array;
}

interface Item {
  x: Encoded;
  y: number;
  weight: number;
}

function fit(items: Item[], featureCount: number, o: typeof DEFAULTS): Fitted {
  const k = CATEGORIES.length;
  const weights = new Float64Array(featureCount * k);
  const g2 = new Float64Array(featureCount * k);
  const bias = new Float64Array(k);
  const b2 = new Float64Array(k);
  const p = new Float64Array(k);
  const grad = new Float64Array(k);
  const rate = o.learningRate;
  const biasRate = rate * o.biasRate;
  const l2 = o.l2;
  const random = rng(o.seed);
  const order = items.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const { x, y, weight } = items[i];
      logits(weights, bias, k, x, p);
      softmax(p);
      for (let c = 0; c < k; c++) {
        const g = (p[c] - (c === y ? 1 : 0)) * weight;
        grad[c] = g;
        b2[c] += g * g;
        bias[c] -= (biasRate * g) / (Math.sqrt(b2[c]) + 1e-8);
      }
      const rows = x.rows;
      const values = x.values;
      for (let j = 0; j < rows.length; j++) {
        const base = rows[j] * k;
        const v = values[j];
        for (let c = 0; c < k; c++) {
          const at = base + c;
          const g = grad[c] * v + l2 * weights[at];
          const acc = g2[at] + g * g;
          g2[at] = acc;
          weights[at] -= (rate * g) / (Math.sqrt(acc) + 1e-8);
        }
      }
    }
  }
  return { weights, bias };
}

interface HeldOut {
  s: Float64Array;
  y: number;
  weight: number;
}

function heldOutLogits(fitted: Fitted, items: Item[], weight: number): HeldOut[] {
  const k = CATEGORIES.length;
  return items.map((it) => {
    const s = new Float64Array(k);
    logits(fitted.weights, fitted.bias, k, it.x, s);
    return { s, y: it.y, weight };
  });
}

/** The temperature that minimises the held-out negative log-likelihood. */
function fitTemperature(held: HeldOut[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.2; t <= 5; t *= 1.05) {
    let loss = 0;
    for (const h of held) loss -= h.weight * Math.log(Math.max(softmax(Float64Array.from(h.s), t)[h.y], 1e-12));
    if (loss < bestLoss) (bestLoss = loss), (best = t);
  }
  return best;
}

function accuracy(held: HeldOut[]): number {
  let right = 0;
  for (const h of held) {
    let best = 0;
    for (let c = 1; c < h.s.length; c++) if (h.s[c] > h.s[best]) best = c;
    if (best === h.y) right++;
  }
  return held.length > 0 ? Math.round((right / held.length) * 1000) / 1000 : NaN;
}

/**
 * Held-out answers for the temperature. By source: each source (seed, demo, sample, corrections …) predicted by a
 * model trained on the others, every source counting the same; new cases come in phrasings no source shows, and
 * a temperature fitted within one source's phrasings would make the model sure of itself where it should not be.
 * By group, when there is only one source: a share of the groups held out.
 */
function heldOutAnswers(examples: TrainingExample[], items: Item[], featureCount: number, o: typeof DEFAULTS) {
  const bySource = new Map<string, number[]>();
  examples.forEach((e, i) => bySource.set(e.source ?? "other", [...(bySource.get(e.source ?? "other") ?? []), i]));
  const sources = [...bySource].filter(([, idx]) => idx.length >= 20);
  if (sources.length >= 2) {
    const held: HeldOut[] = [];
    const perSource: Record<string, { n: number; accuracy: number }> = {};
    for (const [source, idx] of sources) {
      const inSource = new Set(idx);
      const part = fit(items.filter((_, i) => !inSource.has(i)), featureCount, o);
      const answers = heldOutLogits(part, idx.map((i) => items[i]), 1 / idx.length);
      held.push(...answers);
      perSource[source] = { n: idx.length, accuracy: accuracy(answers) };
    }
    return { held, report: { by: "source", perSource } };
  }
  const groups = shuffle([...new Set(examples.map((e, i) => e.group ?? `#${i}`))], rng(o.seed + 1));
  const heldGroups = new Set(groups.slice(0, Math.round(groups.length * o.heldOut)));
  const isHeld = (i: number) => heldGroups.has(examples[i].group ?? `#${i}`);
  const test = items.filter((_, i) => isHeld(i));
  const held = heldOutLogits(fit(items.filter((_, i) => !isHeld(i)), featureCount, o), test, 1);
  return { held, report: { by: "group", n: test.length, accuracy: accuracy(held) } };
}

export function train(examples: TrainingExample[], options: TrainOptions = {}): Model {
  const o = { ...DEFAULTS, ...options };
  const featured = examples.map((e) => caseFeatures(e.text, e.channelWords, options.table));
  const features = vocabulary(featured, o.minCount);
  const index = new Map(features.map((f, i) => [f, i]));
  const perClass = new Map<CategoryCode, number>();
  for (const e of examples) perClass.set(e.category, (perClass.get(e.category) ?? 0) + (e.weight ?? 1));
  const mean = examples.length / Math.max(1, perClass.size);
  const items: Item[] = examples.map((e, i) => ({
    x: encode(index, featured[i]),
    y: CATEGORIES.indexOf(e.category),
    weight: (e.weight ?? 1) * Math.pow(mean / (perClass.get(e.category) ?? 1), o.classBalance),
  }));

  let temperature = 1;
  let heldOut: unknown = null;
  if (o.heldOut > 0 && items.length >= 50) {
    const answers = heldOutAnswers(examples, items, features.length, o);
    temperature = fitTemperature(answers.held);
    heldOut = answers.report;
  }
  const fitted = fit(items, features.length, o);
  return pruned(features, fitted, temperature, {
    trainedAt: new Date().toISOString(),
    examples: examples.length,
    sources: countSources(examples),
    heldOut,
    options: { epochs: o.epochs, learningRate: o.learningRate, l2: o.l2, minCount: o.minCount, classBalance: o.classBalance },
    ...options.info,
  }, o.pruneBelow);
}

function countSources(examples: TrainingExample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of examples) out[e.source ?? "other"] = (out[e.source ?? "other"] ?? 0) + 1;
  return out;
}

function pruned(features: string[], fitted: Fitted, temperature: number, info: Model["info"], below: number): Model {
  const k = CATEGORIES.length;
  const keep: number[] = [];
  for (let r = 0; r < features.length; r++) {
    let max = 0;
    for (let c = 0; c < k; c++) max = Math.max(max, Math.abs(fitted.weights[r * k + c]));
    if (max >= below || features[r].startsWith("cm:")) keep.push(r);
  }
  const weights = new Float32Array(keep.length * k);
  keep.forEach((r, i) => weights.set(fitted.weights.subarray(r * k, r * k + k), i * k));
  const kept = keep.map((r) => features[r]);
  return {
    categories: CATEGORIES,
    index: new Map(kept.map((f, i) => [f, i])),
    features: kept,
    weights,
    bias: Float32Array.from(fitted.bias),
    temperature,
    info,
  };
}
