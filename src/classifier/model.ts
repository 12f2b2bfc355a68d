// The dispute classifier's model: multinomial logistic regression (softmax) over the words and character bigrams of a
// case's text and its channel's category words. Text features count together as one unit-length vector, so a long
// court finding and a one-line call weigh the same; each channel feature counts one. Confidence is the top
// probability after temperature scaling, fitted on held-out examples when the model was trained.
import { CATEGORIES, type CategoryCode } from "../cases/categories.js";
import type { ChannelWordTable } from "./channel-words.js";
import { caseFeatures, type CaseFeatures, type ChannelOfWord, type ChannelWordsInput } from "./features.js";

export const MODEL_FORMAT = "tongban-dispute-classifier";
const WEIGHT_SCALE = 1000; // weights are stored as integers in thousandths

export interface Model {
  categories: readonly CategoryCode[];
  /** feature → its row in `weights` (categories.length numbers). */
  index: Map<string, number>;
  features: string[];
  weights: Float32Array;
  bias: Float32Array;
  temperature: number;
  info: ModelInfo;
  /** For a bare channel word, the one channel the model knows it from (built on first use). */
  channelOf?: ChannelOfWord;
}

export interface ModelInfo {
  trainedAt: string;
  examples: number;
  /** Examples per source (seed, demo, sample, corrections …). */
  sources: Record<string, number>;
  /** Anything else worth knowing about the run: held-out accuracy, options. */
  [key: string]: unknown;
}

export interface Prediction {
  category: CategoryCode;
  confidence: number;
  /** Probability of every category, in CATEGORIES order. */
  scores: Record<CategoryCode, number>;
}

/** An encoded example: feature rows and their values. */
export interface Encoded {
  rows: Int32Array;
  values: Float32Array;
}

/**
 * Text features share one unit of length, counted over all of them, so that pruning the model's rare features
 * changes no remaining feature's value; channel features are one each. Features the model lacks are skipped.
 */
export function encode(index: Map<string, number>, f: CaseFeatures): Encoded {
  const rows: number[] = [];
  const values: number[] = [];
  const textValue = f.text.length > 0 ? 1 / Math.sqrt(f.text.length) : 0;
  for (const name of f.text) {
    const r = index.get(name);
    if (r !== undefined) (rows.push(r), values.push(textValue));
  }
  for (const name of f.channel) {
    const r = index.get(name);
    if (r !== undefined) (rows.push(r), values.push(1));
  }
  return { rows: Int32Array.from(rows), values: Float32Array.from(values) };
}

/** Raw scores (logits) of an encoded example into `out`. */
export function logits(weights: ArrayLike<number>, bias: ArrayLike<number>, k: number, x: Encoded, out: Float64Array): void {
  for (let c = 0; c < k; c++) out[c] = bias[c];
  for (let i = 0; i < x.rows.length; i++) {
    const base = x.rows[i] * k;
    const v = x.values[i];
    for (let c = 0; c < k; c++) out[c] += weights[base + c] * v;
  }
}

/** Softmax of scores / temperature, in place. */
export function softmax(s: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < s.length; c++) max = Math.max(max, s[c] / temperature);
  let sum = 0;
  for (let c = 0; c < s.length; c++) sum += s[c] = Math.exp(s[c] / temperature - max);
  for (let c = 0; c < s.length; c++) s[c] /= sum;
  return s;
}

export function predictEncoded(model: Model, x: Encoded): Prediction {
  const k = model.categories.length;
  const s = new Float64Array(k);
  logits(model.weights, model.bias, k, x, s);
  return toPrediction(model.categories, softmax(s, model.temperature));
}

function toPrediction(categories: readonly CategoryCode[], p: Float64Array): Prediction {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  const scores = {} as Record<CategoryCode, number>;
  categories.forEach((cat, c) => (scores[cat] = p[c]));
  return { category: categories[best], confidence: p[best], scores };
}

/** The channel a bare word was seen under in training, when it was seen under exactly one. */
function modelChannelOf(model: Model): ChannelOfWord {
  if (model.channelOf) return model.channelOf;
  const channels = new Map<string, string | null>();
  for (const f of model.features) {
    if (!f.startsWith("cw:")) continue;
    const at = f.indexOf(":", 3);
    const channel = f.slice(3, at);
    const word = f.slice(at + 1);
    channels.set(word, channels.has(word) && channels.get(word) !== channel ? null : channel);
  }
  model.channelOf = (word) => channels.get(word) ?? undefined;
  return model.channelOf;
}

/**
 * The category of a case from its text and, when known, its channels' category words: `{ channel, words }` (or a
 * list of them), or bare words, whose channel is told from the table or from training. `table` is the admins'
 * mapping of channel words to categories, the default one when not given.
 */
export function predict(model: Model, text: string, channelWords?: ChannelWordsInput, table?: ChannelWordTable): Prediction {
  const k = model.categories.length;
  const s = new Float64Array(k);
  logits(model.weights, model.bias, k, encode(model.index, caseFeatures(text, channelWords, table, modelChannelOf(model))), s);
  return toPrediction(model.categories, softmax(s, model.temperature));
}

// ---- JSON -------------------------------------------------------------------------------------------------------

export interface ModelJson {
  format: typeof MODEL_FORMAT;
  version: 1;
  categories: string[];
  temperature: number;
  bias: number[];
  features: string[];
  /** features.length × categories.length integers, in thousandths. */
  weights: number[];
  info: ModelInfo;
}

export function modelToJson(model: Model): ModelJson {
  return {
    format: MODEL_FORMAT,
    version: 1,
    categories: [...model.categories],
    temperature: Math.round(model.temperature * 1000) / 1000,
    bias: Array.from(model.bias, (b) => Math.round(b * WEIGHT_SCALE) / WEIGHT_SCALE),
    features: model.features,
    weights: Array.from(model.weights, (w) => Math.round(w * WEIGHT_SCALE)),
    info: model.info,
  };
}

export function modelFromJson(json: unknown): Model {
  const j = json as ModelJson;
  if (j?.format !== MODEL_FORMAT || j.version !== 1) throw new Error("不是本系统的纠纷分类模型文件");
  const k = j.categories.length;
  if (j.categories.join() !== CATEGORIES.join()) throw new Error("模型的分类与系统的 15 类不一致，请重新训练");
  if (j.weights.length !== j.features.length * k || j.bias.length !== k) throw new Error("模型文件已损坏：权重数与特征数不符");
  const weights = new Float32Array(j.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = j.weights[i] / WEIGHT_SCALE;
  return {
    categories: CATEGORIES,
    index: new Map(j.features.map((f, i) => [f, i])),
    features: j.features,
    weights,
    bias: Float32Array.from(j.bias),
    temperature: j.temperature,
    info: j.info,
  };
}

export function serialiseModel(model: Model): string {
  const j = modelToJson(model);
  // One line per part keeps the file small and its diff readable.
  return `{"format":${JSON.stringify(j.format)},"version":1,"categories":${JSON.stringify(j.categories)},` +
    `"temperature":${j.temperature},"bias":${JSON.stringify(j.bias)},\n"info":${JSON.stringify(j.info)},\n` +
    `"features":${JSON.stringify(j.features)},\n"weights":${JSON.stringify(j.weights)}}\n`;
}

export function parseModel(text: string): Model {
  return modelFromJson(JSON.parse(text));
}
