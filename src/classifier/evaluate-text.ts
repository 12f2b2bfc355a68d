// Measuring the classifier on a file of labelled texts (JSON Lines {id, text, category, accept}): a prediction is
// right when it is in `accept` (or is the category); macro-F1 is by `category`.
import fs from "node:fs";
import { isCategory } from "../cases/categories.js";
import { calibration, formatCalibration, formatScores, score, type Bucket, type Scored, type Scores } from "./metrics.js";
import { predict, type Model } from "./model.js";

export interface TextEvaluation extends Scores {
  calibration: Bucket[];
  /** Mean classification time per text, microseconds. */
  microsPerText: number;
}

interface LabelledText {
  id: string;
  text: string;
  category: string;
  accept?: string[];
}

export function evaluateTextFile(file: string, model: Model, opts: { print?: boolean } = {}): TextEvaluation {
  const rows = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as LabelledText)
    .filter((r) => isCategory(r.category));
  predict(model, "预热"); // the segmenter's one-off start-up is not a text's cost
  const start = process.hrtime.bigint();
  const scored: Scored[] = rows.map((r) => {
    const p = predict(model, r.text);
    return { truth: r.category as Scored["truth"], predicted: p.category, confidence: p.confidence, accept: r.accept ?? [] };
  });
  const micros = Number(process.hrtime.bigint() - start) / 1000 / Math.max(1, rows.length);
  const result = { ...score(scored), calibration: calibration(scored), microsPerText: micros };
  if (opts.print !== false) {
    console.log(formatScores(file, result));
    console.log(formatCalibration(result.calibration));
    console.log(`  ${micros.toFixed(0)} µs/条`);
  }
  return result;
}
