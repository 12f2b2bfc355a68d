// Scoring a classifier's answers: accuracy, per-category precision / recall / F1, macro-F1, and calibration buckets
// (how often an answer given with a confidence in each band was right).
import { CATEGORIES, CATEGORY_NAMES, type CategoryCode } from "../cases/categories.js";

export interface Scored {
  truth: CategoryCode;
  predicted: CategoryCode;
  confidence: number;
  /** Also right (a text a careful reader files under either); the truth is always right. */
  accept?: readonly string[];
}

export interface CategoryScore {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  /** Right by `accept`, among the items whose truth is this category. */
  accuracy: number;
}

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  perCategory: Partial<Record<CategoryCode, CategoryScore>>;
}

export function isRight(s: Scored): boolean {
  return s.predicted === s.truth || (s.accept?.includes(s.predicted) ?? false);
}

/** Accuracy counts `accept`; F1 compares with the truth alone. Macro-F1 averages the categories that occur. */
export function score(items: Scored[]): Scores {
  const perCategory: Scores["perCategory"] = {};
  let f1Sum = 0;
  let present = 0;
  for (const c of CATEGORIES) {
    const n = items.filter((s) => s.truth === c).length;
    const predicted = items.filter((s) => s.predicted === c).length;
    if (n === 0 && predicted === 0) continue;
    const tp = items.filter((s) => s.truth === c && s.predicted === c).length;
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = n > 0 ? tp / n : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    const accuracy = n > 0 ? items.filter((s) => s.truth === c && isRight(s)).length / n : 0;
    perCategory[c] = { n, precision, recall, f1, accuracy };
    if (n > 0) (f1Sum += f1), present++;
  }
  const right = items.filter(isRight).length;
  return { n: items.length, accuracy: items.length > 0 ? right / items.length : 0, macroF1: present > 0 ? f1Sum / present : 0, perCategory };
}

export interface Bucket {
  from: number;
  to: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

/** Answers grouped by confidence band: a calibrated model is right about as often as it is confident. */
export function calibration(items: Scored[], edges = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]): Bucket[] {
  const out: Bucket[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const inBand = items.filter((s) => s.confidence >= edges[i] && s.confidence < edges[i + 1]);
    if (inBand.length === 0) continue;
    out.push({
      from: edges[i],
      to: Math.min(1, edges[i + 1]),
      n: inBand.length,
      meanConfidence: inBand.reduce((a, s) => a + s.confidence, 0) / inBand.length,
      accuracy: inBand.filter(isRight).length / inBand.length,
    });
  }
  return out;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

export function formatScores(title: string, s: Scores): string {
  const lines = [`${title}: n=${s.n} accuracy=${pct(s.accuracy)}% macro-F1=${pct(s.macroF1)}%`, "  类别          n   准确率  查准   查全    F1"];
  for (const c of CATEGORIES) {
    const p = s.perCategory[c];
    if (!p) continue;
    const name = `${c} ${CATEGORY_NAMES[c]}`.padEnd(10, "　");
    lines.push(`  ${name} ${String(p.n).padStart(4)}  ${pct(p.accuracy)}  ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}`);
  }
  return lines.join("\n");
}

export function formatCalibration(buckets: Bucket[]): string {
  const lines = ["  置信度区间     n   平均置信度  实际准确率"];
  for (const b of buckets) {
    lines.push(`  [${b.from.toFixed(1)}, ${b.to.toFixed(1)})  ${String(b.n).padStart(5)}   ${pct(b.meanConfidence)}%     ${pct(b.accuracy)}%`);
  }
  return lines.join("\n");
}
