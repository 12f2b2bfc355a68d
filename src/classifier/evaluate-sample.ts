// Measuring the classifier on a generated delivery folder: per record, and per dispute (the majority of its records'
// answers, ties to the most confident), each with accuracy and macro-F1.
import type { CategoryCode } from "../cases/categories.js";
import { calibration, score, type Bucket, type Scored, type Scores } from "./metrics.js";
import { predict, type Model } from "./model.js";
import { loadSampleRecords, type SampleRecord } from "./sample-records.js";

export interface SampleEvaluation {
  records: Scores;
  disputes: Scores;
  calibration: Bucket[];
}

/** Majority of the records' answers; a tie goes to the summed confidence. */
function disputeAnswer(answers: Scored[]): Scored {
  const votes = new Map<CategoryCode, { n: number; confidence: number }>();
  for (const a of answers) {
    const v = votes.get(a.predicted) ?? { n: 0, confidence: 0 };
    v.n++;
    v.confidence += a.confidence;
    votes.set(a.predicted, v);
  }
  const [predicted, v] = [...votes].sort((a, b) => b[1].n - a[1].n || b[1].confidence - a[1].confidence)[0];
  return { truth: answers[0].truth, predicted, confidence: v.confidence / v.n };
}

export function evaluateRecords(records: SampleRecord[], model: Model, opts: { channelWords?: boolean } = {}): SampleEvaluation {
  const byDispute = new Map<string, Scored[]>();
  const scored: Scored[] = records.map((r) => {
    const p = predict(model, r.text, opts.channelWords === false ? undefined : r.channelWords);
    const s: Scored = { truth: r.category, predicted: p.category, confidence: p.confidence };
    byDispute.set(r.disputeId, [...(byDispute.get(r.disputeId) ?? []), s]);
    return s;
  });
  return { records: score(scored), disputes: score([...byDispute.values()].map(disputeAnswer)), calibration: calibration(scored) };
}

export async function evaluateSample(dir: string, model: Model, opts: { channelWords?: boolean } = {}): Promise<SampleEvaluation> {
  return evaluateRecords(await loadSampleRecords(dir), model, opts);
}
