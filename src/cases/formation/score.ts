// Scoring a record against a candidate case. Each piece of evidence carries a weight; the sum decides:
// join, possible duplicate for staff, or a new case. Weights are documented here and nowhere else.
import type { MatchEvidence } from "../schema.js";
import { contentBigrams, dice } from "./similarity.js";
import type { TreeIndex } from "./tree.js";

export const WEIGHTS = {
  /** A person both name, identified by ID number, credit code or phone. */
  strongPerson: 0.55,
  /** A person both name, identified by full name within the same community. */
  namedPerson: 0.4,
  /** The same company (many workers may complain about one employer: a weak hint alone). */
  company: 0.2,
  /** A shared person but texts about something else: the same person in an unrelated matter. */
  personOtherMatter: 0.15,
  /** One report names (in its text) a party of the other. */
  nameMentioned: 0.35,
  /** Text similarity (Dice over content bigrams) times this. */
  text: 0.7,
  sameMicroGrid: 0.2,
  sameGrid: 0.1,
  otherCommunity: -0.3,
  /** Both name identified people, none shared, none mentioned: likely two disputes that look alike. */
  otherParties: -0.45,
  /** Per time-gap band. */
  gap45: -0.05,
  gap120: -0.15,
  gapFar: -0.35,
  sameChannelWords: 0.05,
} as const;

export const THRESHOLDS = { join: 0.6, review: 0.4 };

export interface Side {
  narrativeKey: string;
  bigrams?: Set<string>;
  regionNodeId: number | null;
  reportedAt: Date;
  categoryWords: string[];
  /** Linked people: how strongly identified, whether a company, their full name (for mentions in text). */
  people: { personId: number; strong: boolean; named: boolean; company: boolean; fullName: string | null }[];
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

  // People.
  const casePeople = new Map<number, Side["people"][number]>();
  for (const r of caseRecords) for (const p of r.people) casePeople.set(p.personId, p);
  const shared = rec.people.filter((p) => casePeople.has(p.personId));
  // Without a confident dispute type on both sides, only texts with nothing in common count as another matter.
  const otherMatter = rec.category && caseCategory ? rec.category !== caseCategory : bestText < 0.12;
  if (shared.length) {
    const strong = shared.some((p) => p.strong && !p.company);
    const named = shared.some((p) => p.named && !p.company);
    const w = otherMatter ? WEIGHTS.personOtherMatter : strong ? WEIGHTS.strongPerson : named ? WEIGHTS.namedPerson : WEIGHTS.company;
    const kind = strong ? "person" : named ? "name_address" : "credit_code";
    add(kind, `同一当事人${shared.length}人${otherMatter ? "（但事由不同）" : ""}`, w);
  }
  const caseText = caseRecords.map((r) => r.narrativeKey).join("\n");
  const mentioned =
    rec.people.some((p) => p.fullName && p.fullName.length >= 2 && caseText.includes(p.fullName)) ||
    [...casePeople.values()].some((p) => p.fullName && p.fullName.length >= 2 && rec.narrativeKey.includes(p.fullName));
  if (mentioned && !shared.length) add("name_address", "一方的叙述中提到另一方当事人姓名", WEIGHTS.nameMentioned);
  const recIdentified = rec.people.some((p) => (p.strong || p.named) && !p.company);
  const caseIdentified = [...casePeople.values()].some((p) => (p.strong || p.named) && !p.company);
  // Different named parties: two look-alike disputes (the same leak in one building, two neighbours of one farm),
  // however alike the stories read. Staff can still merge them from the possible-duplicates queue.
  if (!shared.length && !mentioned && recIdentified && caseIdentified) add("conflict", "双方当事人均不相同", WEIGHTS.otherParties);

  if (bestText > 0) add("text", `事由相似度 ${bestText.toFixed(2)}`, WEIGHTS.text * bestText);

  // Place.
  if (rec.regionNodeId != null) {
    const places = caseRecords.map((r) => r.regionNodeId).filter((x): x is number => x != null);
    if (places.includes(rec.regionNodeId) && tree.level(rec.regionNodeId) === "micro_grid") add("place", "同一微网格", WEIGHTS.sameMicroGrid);
    else if (places.some((p) => tree.gridOf(p) != null && tree.gridOf(p) === tree.gridOf(rec.regionNodeId))) add("place", "同一网格", WEIGHTS.sameGrid);
    else if (places.length && places.every((p) => tree.communityOf(p) != null && tree.communityOf(p) !== tree.communityOf(rec.regionNodeId)) && tree.communityOf(rec.regionNodeId) != null) {
      add("place", "不在同一村（社区）", WEIGHTS.otherCommunity);
    }
  }

  // Time: the nearest report of the case.
  const gap = Math.min(...caseRecords.map((r) => Math.abs(r.reportedAt.getTime() - rec.reportedAt.getTime()))) / DAY;
  if (gap > 120) add("time", `相隔${Math.round(gap)}天`, WEIGHTS.gapFar);
  else if (gap > 45) add("time", `相隔${Math.round(gap)}天`, WEIGHTS.gap120);
  else if (gap > 14) add("time", `相隔${Math.round(gap)}天`, WEIGHTS.gap45);
  else add("time", `相隔${Math.round(gap)}天`, 0);

  if (rec.categoryWords.some((w) => caseRecords.some((r) => r.categoryWords.includes(w)))) add("category", "渠道分类相同", WEIGHTS.sameChannelWords);

  const score = ev.reduce((s, e) => s + e.weight, 0);
  return { score: Math.round(score * 1000) / 1000, evidence: ev, matchedRecordId: matched };
}
