// The colour rule, factor by factor, on hand-made report histories.
import { describe, expect, it } from "vitest";
import { assessRisk, beijingDay, RISK_RULES, YELLOW_POINTS, type RiskFacts, type RiskReport } from "./rules.js";
import type { Signal } from "./signals.js";

const day0 = Date.parse("2025-03-01T10:00:00+08:00");
function report(dayOffset: number, signals: Signal[] = [], extra: Partial<RiskReport> = {}): RiskReport {
  const at = new Date(day0 + dayOffset * 86_400_000);
  return { day: beijingDay(at.getTime()), at, channel: "110", signals: new Set(signals), amount: null, policeAttended: false, ...extra };
}
const facts = (reports: RiskReport[], more: Partial<RiskFacts> = {}): RiskFacts => ({ reports, recurrence: false, openDays: 0, partyCases: 0, ...more });
const keys = (f: RiskFacts) => assessRisk(f).factors.map((x) => x.factor).sort();

describe("assessRisk", () => {
  it("is green for a single quiet report", () => {
    expect(assessRisk(facts([report(0)]))).toMatchObject({ level: "green", score: 0, factors: [] });
  });

  it("turns red on any hard signal, with the report that voiced it", () => {
    for (const s of ["threat", "weapon", "self_harm", "injury", "group"] as const) {
      const a = assessRisk(facts([report(0), report(3, [s])]));
      expect(a.level).toBe("red");
      expect(a.factors[0]).toMatchObject({ factor: s, hard: true });
      expect(a.factors[0].detail).toContain("2025-03-04");
    }
  });

  it("turns red on rapid escalation: three reports in 30 days, a later one voicing a new sign", () => {
    expect(assessRisk(facts([report(0), report(10), report(20, ["insult"])])).level).toBe("red");
    // The same sign from the start is not an escalation.
    expect(assessRisk(facts([report(0, ["harassment"]), report(10, ["harassment"]), report(20, ["harassment"])])).level).not.toBe("red");
    // Too far apart.
    expect(keys(facts([report(0), report(20), report(45, ["insult"])]))).not.toContain("rapid_escalation");
    // Two reports are not enough.
    expect(keys(facts([report(0), report(5, ["pushing"])]))).not.toContain("rapid_escalation");
  });

  it("is yellow for repeat reports on three days within 30 days, but not for three reports on one day", () => {
    expect(keys(facts([report(0), report(12), report(29)]))).toContain("repeat");
    expect(assessRisk(facts([report(0), report(12), report(29)])).level).toBe("yellow");
    expect(keys(facts([report(0), report(0.01), report(0.02)]))).not.toContain("repeat");
    expect(keys(facts([report(0), report(20), report(40)]))).not.toContain("repeat");
  });

  it("is yellow for emotion only when reported on two days or more", () => {
    expect(keys(facts([report(0, ["emotion"])]))).not.toContain("emotion");
    expect(assessRisk(facts([report(0, ["emotion"]), report(40)])).level).toBe("yellow");
  });

  it("is yellow for big money and for vulnerable parties", () => {
    expect(assessRisk(facts([report(0, [], { amount: 100_000 })])).level).toBe("yellow");
    expect(assessRisk(facts([report(0, [], { amount: 99_999 })])).level).toBe("green");
    for (const v of ["elderly", "disabled", "pregnant", "minor"] as const) expect(assessRisk(facts([report(0, [v])])).level).toBe("yellow");
  });

  it("adds points for police attendance, recurrence, time unresolved and the parties' other cases, yellow once they add up", () => {
    const small = assessRisk(facts([report(0, [], { policeAttended: true })], { partyCases: 1 }));
    expect(small.level).toBe("green");
    expect(small.score).toBe(RISK_RULES.police.points + RISK_RULES.party_history.points);
    const many = assessRisk(facts([report(0, [], { policeAttended: true })], { recurrence: true, openDays: 95, partyCases: 2 }));
    expect(many.score).toBeGreaterThanOrEqual(YELLOW_POINTS);
    expect(many.level).toBe("yellow");
    expect(many.factors.find((f) => f.factor === "unresolved")?.points).toBe(RISK_RULES.unresolved.points * 3);
  });

  it("ranks within a colour by points: more going on scores higher", () => {
    const one = assessRisk(facts([report(0, ["threat"])]));
    const more = assessRisk(facts([report(0, ["threat"]), report(2, ["weapon", "emotion"])]));
    expect(more.level).toBe("red");
    expect(more.score).toBeGreaterThan(one.score);
    expect(more.factors.map((f) => f.points)).toEqual([...more.factors.map((f) => f.points)].sort((a, b) => b - a));
  });
});
