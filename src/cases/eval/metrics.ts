// Measures for case formation against a truth: pairwise precision/recall/F1 of grouping, computed from the
// contingency of predicted and true clusters (no pair enumeration), and per-class F1.

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Items labelled by a true cluster and a predicted cluster: pairwise P/R/F1 of "in the same cluster". */
export function pairwise(items: { truth: string; predicted: string }[]): PRF {
  const cell = new Map<string, number>();
  const byTruth = new Map<string, number>();
  const byPred = new Map<string, number>();
  for (const i of items) {
    const k = `${i.truth}\u0000${i.predicted}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
    byTruth.set(i.truth, (byTruth.get(i.truth) ?? 0) + 1);
    byPred.set(i.predicted, (byPred.get(i.predicted) ?? 0) + 1);
  }
  let tp = 0;
  for (const n of cell.values()) tp += pairs(n);
  let truePairs = 0;
  for (const n of byTruth.values()) truePairs += pairs(n);
  let predPairs = 0;
  for (const n of byPred.values()) predPairs += pairs(n);
  return prf(tp, predPairs, truePairs);
}

/** Pairs of items that share at least one member of a set (records naming the same person). */
export function sharedMemberPairs(items: { truth: string[]; predicted: string[] }[]): PRF {
  const pairSet = (key: "truth" | "predicted") => {
    const groups = new Map<string, number[]>();
    items.forEach((it, i) => it[key].forEach((m) => groups.set(m, [...(groups.get(m) ?? []), i])));
    const set = new Set<string>();
    for (const members of groups.values()) {
      const u = [...new Set(members)];
      for (let a = 0; a < u.length; a++) for (let b = a + 1; b < u.length; b++) set.add(`${u[a]}:${u[b]}`);
    }
    return set;
  };
  const t = pairSet("truth");
  const p = pairSet("predicted");
  let tp = 0;
  for (const x of p) if (t.has(x)) tp++;
  return prf(tp, p.size, t.size);
}

function prf(tp: number, predicted: number, actual: number): PRF {
  const precision = predicted ? tp / predicted : 1;
  const recall = actual ? tp / actual : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Accuracy and macro-F1 over classes present in the truth. */
export function classification(pairsIn: { truth: string; predicted: string | null }[]) {
  const classes = [...new Set(pairsIn.map((p) => p.truth))].sort();
  let right = 0;
  const per: Record<string, PRF & { n: number }> = {};
  for (const c of classes) {
    let tp = 0, fp = 0, fn = 0, n = 0;
    for (const p of pairsIn) {
      if (p.truth === c) n++;
      if (p.truth === c && p.predicted === c) tp++;
      else if (p.predicted === c) fp++;
      else if (p.truth === c) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    per[c] = { n, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  for (const p of pairsIn) if (p.predicted === p.truth) right++;
  const macroF1 = classes.reduce((s, c) => s + per[c].f1, 0) / (classes.length || 1);
  return { n: pairsIn.length, accuracy: pairsIn.length ? right / pairsIn.length : 0, macroF1, perClass: per };
}

/** Precision and recall of one level (red, yellow …) among labelled items. */
export function levelPR(pairsIn: { truth: string; predicted: string | null }[], level: string) {
  const tp = pairsIn.filter((p) => p.truth === level && p.predicted === level).length;
  const predicted = pairsIn.filter((p) => p.predicted === level).length;
  const actual = pairsIn.filter((p) => p.truth === level).length;
  return prf(tp, predicted, actual);
}
