import { describe, expect, it } from "vitest";
import { conflictsOf, type MediatorTies, type PartyFacts } from "./conflicts.js";
import {
  caseNeeds, experienceScore, fieldScore, fitScore, loadScore, localityScore, matchedSpecialties, scoreCandidate, SCORE_COMPONENTS, SCORE_WEIGHTS,
  specialtyScore, unavailableReason, type CaseFacts, type MediatorFacts,
} from "./score.js";

const STREET = "33/3302/330282/330282006/";
const TUANQUAN = `${STREET}330282006004/`;
const TUANQUAN_G1 = `${TUANQUAN}330282006004-G01/`;
const TUANQUAN_G2 = `${TUANQUAN}330282006004-G02/`;
const SHANGFU = `${STREET}330282006001/`;

const kase = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 1,
  category: "HY",
  text: "儿子不履行赡养义务，老人生活困难",
  placePaths: [`${TUANQUAN_G1}M01/`],
  localParties: true,
  date: "2026-03-10",
  ...over,
});

const mediator = (over: Partial<MediatorFacts> = {}): MediatorFacts => ({
  id: 1, name: "甲", kind: "judicial", grade: "standard", gender: "female", birthYear: 1980,
  fields: [], specialties: [], dialects: [], yearsExperience: 0, homePath: null, active: true, leaveFrom: null, leaveTo: null,
  typeHandled: 0, typeSucceeded: 0, activeTeams: 0, ...over,
});

describe("score weights", () => {
  it("are one table over every component, summing to 1", () => {
    expect(Object.keys(SCORE_WEIGHTS).sort()).toEqual([...SCORE_COMPONENTS].sort());
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it("make the total the weighted sum of the breakdown, each in [0, 1]", () => {
    const s = scoreCandidate(kase(), mediator({ fields: ["HY"], specialties: ["赡养"], dialects: ["慈溪话"], grade: "gold", homePath: TUANQUAN_G1, yearsExperience: 10, typeHandled: 4, typeSucceeded: 3, activeTeams: 1 }));
    for (const k of SCORE_COMPONENTS) expect(s.breakdown[k]).toBeGreaterThanOrEqual(0), expect(s.breakdown[k]).toBeLessThanOrEqual(1);
    expect(s.total).toBeCloseTo(SCORE_COMPONENTS.reduce((sum, k) => sum + SCORE_WEIGHTS[k] * s.breakdown[k], 0), 2);
    expect(s.breakdown).toMatchObject({ field: 1, specialty: 0.7, locality: 1, load: 0.8, fit: 1 });
    expect(s.reasons.specialty).toBe("专长：赡养");
  });

  it("a perfect candidate scores 1, an unrelated newcomer with a full load 0", () => {
    const best = mediator({ fields: ["HY"], specialties: ["赡养", "老年人权益"], dialects: ["慈溪话"], grade: "gold", homePath: TUANQUAN_G1, yearsExperience: 30, typeHandled: 100, typeSucceeded: 100 });
    expect(scoreCandidate(kase(), best).total).toBeGreaterThan(0.98);
    expect(scoreCandidate(kase(), mediator({ activeTeams: 9 })).total).toBe(0);
  });
});

describe("score components", () => {
  it("field: the case's type among the mediator's fields", () => {
    expect(fieldScore(kase(), mediator({ fields: ["LL", "HY"] }))).toBe(1);
    expect(fieldScore(kase(), mediator({ fields: ["LL"] }))).toBe(0);
    expect(fieldScore(kase({ category: null }), mediator({ fields: ["HY"] }))).toBe(0);
  });

  it("specialty: tags or their trigger words in the case's words; one 0.7, two 1", () => {
    const c = kase({ text: "楼上漏水渗到楼下，邻居多次协商未果" });
    expect(matchedSpecialties(c, { specialties: ["邻里漏水", "工伤", "邻里纠纷"] })).toEqual(["邻里漏水", "邻里纠纷"]);
    expect(specialtyScore(["邻里漏水"])).toBe(0.7);
    expect(specialtyScore(["邻里漏水", "邻里纠纷"])).toBe(1);
    expect(specialtyScore([])).toBe(0);
    expect(matchedSpecialties(kase({ text: "讨要工伤赔偿" }), { specialties: ["工伤"] })).toEqual(["工伤"]);
  });

  it("locality: same grid 1, same community 0.7, elsewhere or unknown 0 — against the place and the parties' homes", () => {
    expect(localityScore(kase(), mediator({ homePath: TUANQUAN_G1 })).score).toBe(1);
    expect(localityScore(kase(), mediator({ homePath: TUANQUAN_G2 })).score).toBe(0.7);
    expect(localityScore(kase(), mediator({ homePath: TUANQUAN })).score).toBe(0.7);
    expect(localityScore(kase(), mediator({ homePath: SHANGFU })).score).toBe(0);
    expect(localityScore(kase(), mediator({ homePath: null })).score).toBe(0);
    expect(localityScore(kase({ placePaths: [STREET, SHANGFU] }), mediator({ homePath: SHANGFU })).score).toBe(0.7);
  });

  it("experience: years and the record in the type, more cases counting more", () => {
    expect(experienceScore(mediator())).toBe(0);
    expect(experienceScore(mediator({ yearsExperience: 20 }))).toBeCloseTo(0.4);
    expect(experienceScore(mediator({ yearsExperience: 40 }))).toBeCloseTo(0.4);
    const few = experienceScore(mediator({ typeHandled: 1, typeSucceeded: 1 }));
    const many = experienceScore(mediator({ typeHandled: 10, typeSucceeded: 10 }));
    const poor = experienceScore(mediator({ typeHandled: 10, typeSucceeded: 2 }));
    expect(many).toBeGreaterThan(few);
    expect(many).toBeGreaterThan(poor);
  });

  it("load: fewer active teams score higher, zero at the cap", () => {
    expect(loadScore(mediator({ activeTeams: 0 }))).toBe(1);
    expect(loadScore(mediator({ activeTeams: 2 }))).toBeCloseTo(0.6);
    expect(loadScore(mediator({ activeTeams: 7 }))).toBe(0);
  });

  it("fit: a senior for elderly-care or vulnerable parties, 慈溪话 for local parties", () => {
    const elderly = caseNeeds(kase());
    expect(elderly).toEqual({ elderly: true, vulnerable: false, local: true });
    expect(fitScore(elderly, mediator({ grade: "senior", dialects: ["慈溪话"] }), 2026).score).toBe(1);
    expect(fitScore(elderly, mediator({ grade: "standard", dialects: ["慈溪话"] }), 2026).score).toBe(0.5);
    expect(fitScore(elderly, mediator({ grade: "standard", birthYear: 1960 }), 2026).score).toBe(0.25);
    const plain = caseNeeds(kase({ text: "合同货款纠纷", localParties: false }));
    expect(fitScore(plain, mediator({ grade: "gold", dialects: ["慈溪话"] }), 2026).score).toBe(0);
    expect(fitScore(caseNeeds(kase({ text: "低保户房屋漏水", localParties: false })), mediator({ grade: "gold" }), 2026).score).toBe(1);
  });

  it("availability: inactive or on leave on the date", () => {
    expect(unavailableReason(mediator(), "2026-03-10")).toBeNull();
    expect(unavailableReason(mediator({ active: false }), "2026-03-10")).toBe("已停用");
    expect(unavailableReason(mediator({ leaveFrom: "2026-03-01", leaveTo: "2026-03-10" }), "2026-03-10")).toMatch(/^休假中/);
    expect(unavailableReason(mediator({ leaveFrom: "2026-03-01", leaveTo: "2026-03-09" }), "2026-03-10")).toBeNull();
  });
});

describe("conflictsOf", () => {
  const party = (over: Partial<PartyFacts>): PartyFacts => ({
    personId: 10, rootId: 10, role: "applicant", name: "王大明", kind: "person", idNumberHash: "id-w", phoneHash: "ph-w", surname: "王",
    addressText: "团圈村3组8号", creditCode: null, homePath: null, ...over,
  });
  const ties = (over: Partial<MediatorTies>): MediatorTies => ({
    personId: null, personRootId: null, idNumberHash: null, phoneHash: null, surname: null, addressText: null, employerCreditCode: null, unitName: null, ...over,
  });

  it("finds the mediator as a party, merged or not", () => {
    expect(conflictsOf(ties({ personId: 10, personRootId: 10 }), [party({})])[0]).toEqual({ kind: "party", reason: "本人是本案当事人（申请人王大明）" });
    expect(conflictsOf(ties({ personId: 11, personRootId: 10 }), [party({})])[0].kind).toBe("party");
    expect(conflictsOf(ties({ personId: 11, personRootId: 11 }), [party({ personId: 12, rootId: 11 })])[0].kind).toBe("party");
  });

  it("finds relatives through the person index: same ID number, shared phone, same surname at the same address", () => {
    expect(conflictsOf(ties({ personId: 20, personRootId: 20, idNumberHash: "id-w" }), [party({})])[0].kind).toBe("same_person");
    expect(conflictsOf(ties({ personId: 20, personRootId: 20, phoneHash: "ph-w" }), [party({})])[0].reason).toBe("与申请人王大明登记的电话相同（疑为亲属或同户）");
    expect(conflictsOf(ties({ personId: 20, personRootId: 20, surname: "王", addressText: "团圈村3组 8号" }), [party({})])[0].kind).toBe("relative");
    expect(conflictsOf(ties({ personId: 20, personRootId: 20, surname: "李", addressText: "团圈村3组8号" }), [party({})])).toEqual([]);
  });

  it("finds a mediator working for a party company, by credit code or by unit", () => {
    const company = party({ personId: 30, rootId: 30, role: "respondent", kind: "company", name: "慈溪市古塘华丰电器有限公司", creditCode: "91330282MA2XXXXX1Q", idNumberHash: null, phoneHash: null });
    expect(conflictsOf(ties({ employerCreditCode: "91330282ma2xxxxx1q" }), [company])).toEqual([{ kind: "employer", reason: "受雇于被申请人慈溪市古塘华丰电器有限公司" }]);
    expect(conflictsOf(ties({ unitName: "慈溪市古塘华丰电器有限公司" }), [company])[0].kind).toBe("unit");
    expect(conflictsOf(ties({ employerCreditCode: "91330282OTHER0000X" }), [company])).toEqual([]);
  });
});
