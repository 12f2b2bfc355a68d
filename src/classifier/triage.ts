// When a classification is too unsure to act on: the case goes to the triage queue for a person to file.
import type { Prediction } from "./model.js";

/**
 * Below this confidence a case waits in triage. The model's confidence is calibrated on held-out examples, so about
 * this share of the answers at the threshold are right; raise it to send more cases to people.
 */
export const TRIAGE_CONFIDENCE = 0.6;

export function needsTriage(p: Pick<Prediction, "confidence">, threshold = TRIAGE_CONFIDENCE): boolean {
  return p.confidence < threshold;
}
