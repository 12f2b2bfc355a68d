// The evaluation's comparison of an export with the truth: which records count, and which are listed as misses.
import { describe, expect, it } from "vitest";
import type { ExportedRecord } from "../export-records.js";
import { compare, misses, type TruthRecord } from "./run-eval.js";

function truth(externalId: string, over: Partial<TruthRecord> = {}): TruthRecord {
  return {
    channel: "110",
    externalId,
    disputeId: "D1",
    category: "LL",
    riskLevel: "green",
    communityCode: "330282006001",
    gridCode: "330282006001-G01",
    personKeys: ["P1"],
    isRedelivery: false,
    ...over,
  };
}

function exported(externalId: string, over: Partial<ExportedRecord> = {}): ExportedRecord {
  return {
    channel: "110",
    externalId,
    caseId: 1,
    rootCaseId: 1,
    category: "LL",
    riskLevel: "green",
    communityCode: "330282006001",
    gridCode: "330282006001-G01",
    personIds: [7],
    orgIds: [],
    ...over,
  };
}

describe("comparing an export with the truth", () => {
  it("counts each source record once, places and categories against the dispute's", () => {
    const t = [truth("A"), truth("A", { isRedelivery: true }), truth("B"), truth("C", { disputeId: "D2", category: "HT" })];
    const e = [exported("A"), exported("B", { gridCode: "330282006001-G02" }), exported("C", { rootCaseId: 2, category: "HT", communityCode: null, gridCode: null }), exported("X")];
    const f = compare(t, e);
    expect(f.records).toBe(3);
    expect(f.unmatched).toBe(1);
    expect(f.grid).toBeCloseTo(1 / 3);
    expect(f.community).toBeCloseTo(2 / 3);
    expect(f.grouping.f1).toBe(1);
    expect(f.categories.accuracy).toBe(1);
  });

  it("lists the records whose place or category is wrong, with both answers, and nothing else", () => {
    const t = [truth("A"), truth("B"), truth("C", { category: "HT" })];
    const e = [exported("A"), exported("B", { gridCode: "330282006001-G02" }), exported("C", { communityCode: null, gridCode: null }), exported("X", { gridCode: null })];
    expect(misses(t, e)).toEqual([
      {
        channel: "110",
        externalId: "B",
        wrong: ["gridCode"],
        truth: { communityCode: "330282006001", gridCode: "330282006001-G01", category: "LL" },
        hub: { communityCode: "330282006001", gridCode: "330282006001-G02", category: "LL" },
      },
      {
        channel: "110",
        externalId: "C",
        wrong: ["communityCode", "gridCode", "category"],
        truth: { communityCode: "330282006001", gridCode: "330282006001-G01", category: "HT" },
        hub: { communityCode: null, gridCode: null, category: "LL" },
      },
    ]);
  });
});
