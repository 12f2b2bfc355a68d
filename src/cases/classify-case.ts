// The dispute-type classifier as case formation uses it: the shipped (or retrained) model, loaded once.
import { loadModel, loadShippedModel, predict } from "../classifier/index.js";
import type { FormationDeps } from "./formation/form-record.js";

/** The shipped model, or the model in `file` (a candidate measured before it is shipped). */
export async function loadClassifier(file?: string): Promise<FormationDeps["classify"]> {
  const model = file ? loadModel(file) : loadShippedModel();
  if (!model) return undefined; // no model file: cases stay unclassified and wait in triage
  return (text, words) => {
    const p = predict(model, text, words);
    return { category: p.category, confidence: p.confidence };
  };
}
