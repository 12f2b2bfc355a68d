// Scoring a record against a candidate case. Each piece of evidence carries a weight; the sum decides:
// join, possible duplicate for staff, or a new case. Weights are documented here and nowhere else.
import type { MatchEvidence } from "../schema.js";
import { contentBigrams, dice } from "./similarity.js";
import type { TreeIndex } from "./tree.js";
import { namesPerson, strictSurnameReferences, surnameReferences } from "./references.js";

export const WEIGHTS = {
  /** A person both name, identified by ID number, credit code or phone. */
  strongPerson: 0.55,
  /** A person both name, identified by full name within the same community. */
  namedPerson: 0.4,
  /** The same company (many workers may complain about one employer: a weak hint alone). */
  company: 0.2,
  /** A shared person but texts about something else: the same person in an unrelated matter. */
  personOtherMatter: 0.15,
  /** One report names (in its text) a party of the other by full name. */
  nameMentioned: 0.35,
  /** One report names a party of the other by surname and a title (胡某, 张女士): the usual way the other side is named. */
  surnameMentioned: 0.25,
  /** Each report names a party of the other: the two sides of one quarrel. */
  bothMentioned: 0.2,
  /** A party of each with the same full name, not (yet) known to be one person: another phone, another community. */
  sameName: 0.35,
  /** Both dispute types known with confidence and the same. */
  sameCategory: 0.1,
  /** Text similarity (Dice over content bigrams) times this. */
  text: 0.7,
  sameMicroGrid: 0.2,
  sameGrid: 0.1,
  otherCommunity: -0.3,
  /** Both name identified people, none shared, none mentioned: likely two disputes that look alike. */
  otherParties: -0.45,
  /** A shared person, but each story's other side is someone the other story does not know: their other quarrel. */
  otherCounterpart: -0.6,
  /** Per time-gap band: a report within a week of the case's nearest report is likelier the same flare-up. */
  gapWeek: 0.1,
  gap45: -0.05,
  gap120: -0.15,
  gapFar: -0.35,
  sameChannelWords: 0.05,
} as const;

export const THRESHOLDS = { join: 0.6, review: 0.4 };

export interface Side {
  narrativeKey: string;
  bigrams?: Set<string>;
  /** The story without the record's own people's names, and the surnames it names others by (computed once). */
  others?: Others;
  regionNodeId: number | null;
  /** The channel gives where the matter is (110, 12345 …), not the caller's home. */
  placeIsMatter?: boolean;
  reportedAt: Date;
  categoryWords: string[];
  /** Linked people: how strongly identified, whether a company, their full name (for mentions in text). */
  people: SidePerson[];
}

export interface SidePerson {
  personId: number;
  strong: boolean;
  named: boolean;
  company: boolean;
  fullName: string | null;
  /** The name as the record gives it (王先生 included), removed from its own story before reading references. */
  nameKey?: string | null;
  surname?: string | null;
  /** Keyed hash of a mobile number the record gives for them: two different mobiles, two people. */
  mobile?: string | null;
}

/** The same full name and no mobile numbers that disagree. */
export function namesake(a: SidePerson, b: SidePerson): boolean {
  return Boolean(a.fullName) && a.fullName === b.fullName && !(a.mobile && b.mobile && a.mobile !== b.mobile);
}

export interface Scored {
  score: number;
  evidence: MatchEvidence[];
  matchedRecordId: number | null;
}

const DAY = 86_400_000;

/** Scores `rec` against the records of one case (the best-matching record speaks for the case). */
export function scoreAgainstCase(rec: Side & { category?: string | null }, caseRecords: (Side & { id: number })[], tree: TreeIndex, caseCategory: string | null = null): Scored {
  rec.bigrams ??= contentBigrams(rec.narrativeKey);
  const ev: MatchEvidence[] = [];
  const add = (kind: MatchEvidence["kind"], detail: string, weight: number) => ev.push({ kind, detail, weight: Math.round(weight * 100) / 100 });

  // Text: the closest record of the case.
  let bestText = 0;
  let matched: number | null = null;
  for (const r of caseRecords) {
    r.bigrams ??= contentBigrams(r.narrativeKey);
    const d = dice(rec.bigrams, r.bigrams);
    if (d > bestText) [bestText, matched] = [d, r.id];
  }
  matched ??= caseRecords[0]?.id ?? null;

  // People: individuals and companies apart. Many people complain about one company or village committee, each
  // about their own matter; a shared company alone does not make two reports one dispute.
  const casePeople = new Map<number, SidePerson>();
  for (const r of caseRecords) for (const p of r.people) casePeople.set(p.personId, p);
  const shared = rec.people.filter((p) => casePeople.has(p.personId));
  const sharedPeople = shared.filter((p) => !p.company);
  // Without a confident dispute type on both sides, only texts with nothing in common count as another matter.
  const otherMatter = rec.category && caseCategory ? rec.category !== caseCategory : bestText < 0.12;
  if (sharedPeople.length) {
    const strong = sharedPeople.some((p) => p.strong);
    const named = sharedPeople.some((p) => p.named);
    const w = otherMatter ? WEIGHTS.personOtherMatter : strong ? WEIGHTS.strongPerson : named ? WEIGHTS.namedPerson : WEIGHTS.company;
    add(strong ? "person" : "name_address", `同一当事人${sharedPeople.length}人${otherMatter ? "（但事由不同）" : ""}`, w);
  }

  // The same full name on both sides, not (yet) one person in the index.
  const recOnly = rec.people.filter((p) => !p.company && !casePeople.has(p.personId));
  const caseOnly = [...casePeople.values()].filter((p) => !p.company && !rec.people.some((q) => q.personId === p.personId));
  const sameName = !sharedPeople.length && recOnly.some((p) => caseOnly.some((q) => namesake(p, q)));
  if (sameName) add("name_address", "双方有同名当事人", otherMatter ? WEIGHTS.personOtherMatter : WEIGHTS.sameName);
  // The other side named in a story: by full name or by surname and a title, in either direction.
  const recNames = namedIn([rec], caseOnly);
  const caseNamesRec = namedIn(caseRecords, recOnly);
  const mentioned = recNames.size > 0 || caseNamesRec.size > 0;
  if (mentioned && !sharedPeople.length) {
    const full = [...recNames.values(), ...caseNamesRec.values()].includes("full");
    const both = recNames.size > 0 && caseNamesRec.size > 0;
    const w = (full ? WEIGHTS.nameMentioned : WEIGHTS.surnameMentioned) + (both ? WEIGHTS.bothMentioned : 0);
    add("name_address", full ? "一方的叙述中提到另一方当事人姓名" : `一方的叙述中以姓氏称呼另一方当事人${both ? "（双方互指）" : ""}`, w);
  }
  // Someone on each side the other side neither shares, nor names, nor could be: two different disputes that look
  // alike (the same leak in one building, two villagers and one village committee, one caller's two quarrels with
  // two neighbours), however alike the stories read. Staff can still merge from possible duplicates.
  const caseRefs = new Set(caseRecords.flatMap((r) => [...othersOf(r).strict]));
  const recRefs = othersOf(rec).strict;
  const everyone = [...rec.people, ...casePeople.values()];
  const recStranger = hasStranger(recOnly, caseOnly, caseNamesRec, recRefs, caseRefs, everyone);
  const caseStranger = hasStranger(caseOnly, recOnly, recNames, caseRefs, recRefs, everyone);
  const conflict = recStranger && caseStranger;
  if (conflict) add("conflict", sharedPeople.length ? "对方当事人不同" : "双方当事人均不相同", sharedPeople.length ? WEIGHTS.otherCounterpart : WEIGHTS.otherParties);
  // The same company with different people on each side (villagers and one committee, customers and one shop):
  // the company says nothing more.
  if (!sharedPeople.length && shared.length && !conflict) {
    add("credit_code", `同一单位${otherMatter ? "（但事由不同）" : ""}`, otherMatter ? WEIGHTS.personOtherMatter : WEIGHTS.company);
  }
  if (rec.category && caseCategory && rec.category === caseCategory) add("category", "纠纷类型相同", WEIGHTS.sameCategory);

  if (bestText > 0) add("text", `事由相似度 ${bestText.toFixed(2)}`, WEIGHTS.text * bestText);

  // Place.
  if (rec.regionNodeId != null) {
    const places = caseRecords.map((r) => r.regionNodeId).filter((x): x is number => x != null);
    // A home address elsewhere (odr applicants, petitions) says nothing against a dispute's place.
    const matterPlaces = caseRecords.filter((r) => r.placeIsMatter).map((r) => r.regionNodeId).filter((x): x is number => x != null);
    if (places.includes(rec.regionNodeId) && tree.level(rec.regionNodeId) === "micro_grid") add("place", "同一微网格", WEIGHTS.sameMicroGrid);
    else if (places.some((p) => tree.gridOf(p) != null && tree.gridOf(p) === tree.gridOf(rec.regionNodeId))) add("place", "同一网格", WEIGHTS.sameGrid);
    else if (rec.placeIsMatter && matterPlaces.length && matterPlaces.every((p) => tree.communityOf(p) != null && tree.communityOf(p) !== tree.communityOf(rec.regionNodeId)) && tree.communityOf(rec.regionNodeId) != null) {
      add("place", "不在同一村（社区）", WEIGHTS.otherCommunity);
    }
  }

  // Time: the nearest report of the case.
  const gap = Math.min(...caseRecords.map((r) => Math.abs(r.reportedAt.getTime() - rec.reportedAt.getTime()))) / DAY;
  if (gap > 120) add("time", `相隔${Math.round(gap)}天`, WEIGHTS.gapFar);
  else if (gap > 45) add("time", `相隔${Math.round(gap)}天`, WEIGHTS.gap120);
  else if (gap > 14) add("time", `相隔${Math.round(gap)}天`, WEIGHTS.gap45);
  else add("time", `相隔${Math.round(gap)}天`, gap <= 7 ? WEIGHTS.gapWeek : 0);

  if (rec.categoryWords.some((w) => caseRecords.some((r) => r.categoryWords.includes(w)))) add("category", "渠道分类相同", WEIGHTS.sameChannelWords);

  const score = ev.reduce((s, e) => s + e.weight, 0);
  return { score: Math.round(score * 1000) / 1000, evidence: ev, matchedRecordId: matched };
}

/**
 * Whether one side has someone the other does not know: an identified person the other side neither names nor
 * could be (a namesake, or 王女士 for 王秀英), or a surname its story names someone by (楼上冯某) that nobody on
 * either side bears and the other story does not use.
 */
function hasStranger(
  mine: SidePerson[], theirs: SidePerson[], namedByThem: Map<number, unknown>, myRefs: Set<string>, theirRefs: Set<string>, everyone: SidePerson[],
): boolean {
  const couldBe = (p: SidePerson, q: SidePerson) => !q.company && (namesake(p, q) || (Boolean(p.surname) && p.surname === q.surname && (!p.fullName || !q.fullName)));
  if (mine.some((p) => (p.strong || p.named) && !namedByThem.has(p.personId) && !theirs.some((q) => couldBe(p, q)))) return true;
  return [...myRefs].some((s) => !theirRefs.has(s) && !everyone.some((p) => p.surname === s));
}

/** Which of `people` the stories of `records` (each without its own people's names) name, and how. */
function namedIn(records: Side[], people: SidePerson[]): Map<number, "full" | "surname"> {
  const out = new Map<number, "full" | "surname">();
  const persons = people.filter((p) => !p.company && (p.fullName || p.surname));
  for (const r of persons.length ? records : []) {
    const others = othersOf(r);
    for (const p of persons) {
      const how = namesPerson(others.text, others.refs, { fullName: p.fullName, surname: p.surname ?? null });
      if (how && out.get(p.personId) !== "full") out.set(p.personId, how);
    }
  }
  return out;
}

interface Others {
  text: string;
  refs: Set<string>;
  strict: Set<string>;
}

/** A record's story with its own people's names taken out (张女士报警称 names the caller, not the other side). */
function othersOf(r: Side): Others {
  if (r.others) return r.others;
  let text = r.narrativeKey;
  for (const p of r.people) {
    for (const n of [p.nameKey, p.fullName]) if (n && n.length >= 2) text = text.split(n).join("|");
  }
  r.others = { text, refs: surnameReferences(text), strict: strictSurnameReferences(text) };
  return r.others;
}
