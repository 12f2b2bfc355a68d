import { describe, expect, it } from "vitest";
import { calibration, score, type Scored } from "./metrics.js";

const item = (truth: Scored["truth"], predicted: Scored["predicted"], confidence = 0.9, accept?: string[]): Scored => ({ truth, predicted, confidence, accept });

describe("score", () => {
  it("counts an answer in accept as right, and F1 against the category alone", () => {
    const s = score([item("FW", "HT", 0.9, ["FW", "HT"]), item("FW", "FW"), item("HT", "HT")]);
    expect(s.accuracy).toBe(1);
    expect(s.perCategory.FW).toMatchObject({ n: 2, recall: 0.5, precision: 1, accuracy: 1 });
    expect(s.perCategory.HT).toMatchObject({ n: 1, recall: 1, precision: 0.5 });
    expect(s.macroF1).toBeCloseTo((2 / 3 + 2 / 3) / 2, 6);
  });

  it("averages F1 over the categories that occur in the truth", () => {
    const s = score([item("LL", "LL"), item("LL", "QT")]);
    expect(Object.keys(s.perCategory).sort()).toEqual(["LL", "QT"]);
    expect(s.macroF1).toBeCloseTo(2 / 3, 6);
  });
});

describe("calibration", () => {
  it("groups answers by confidence band with the band's accuracy", () => {
    const b = calibration([item("LL", "LL", 0.95), item("LL", "HY", 0.92), item("LL", "LL", 0.45)]);
    expect(b).toEqual([
      expect.objectContaining({ from: 0.4, n: 1, accuracy: 1 }),
      expect.objectContaining({ from: 0.9, n: 2, accuracy: 0.5 }),
    ]);
  });
});
