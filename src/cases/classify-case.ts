// The dispute-type classifier as case formation uses it: the shipped (or retrained) model, loaded once.
import type { FormationDeps } from "./formation/form-record.js";

export async function loadClassifier(): Promise<FormationDeps["classify"]> {
  try {
    const modulePath = "../classifier/index.js"; // optional until a model exists
    const mod = (await import(modulePath)) as {
      loadShippedModel: () => unknown;
      predict: (model: unknown, text: string, channelWords?: string[]) => { category: string; confidence: number };
    };
    const model = mod.loadShippedModel();
    if (!model) return undefined;
    return (text, words) => {
      const p = mod.predict(model, text, words);
      return { category: p.category, confidence: p.confidence };
    };
  } catch {
    return undefined; // no model yet: cases stay unclassified and wait in triage
  }
}
