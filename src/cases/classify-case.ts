// The dispute-type classifier as case formation uses it: the shipped (or retrained) model, loaded once.
import { loadShippedModel, predict } from "../classifier/index.js";
import type { FormationDeps } from "./formation/form-record.js";

export async function loadClassifier(): Promise<FormationDeps["classify"]> {
  const model = loadShippedModel();
  if (!model) return undefined; // no model file: cases stay unclassified and wait in triage
  return (text, words) => {
    const p = predict(model, text, words);
    return { category: p.category, confidence: p.confidence };
  };
}
