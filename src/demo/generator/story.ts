// What a story template is. Texts carry slots that are filled per report:
//   {我}    the reporting party in the frame's voice: 其 (an operator's note), 我 (the caller's own words), 申请人
//   {对方}  the other party: 王某 / 王建军 / 王师傅, or nothing ("楼上邻居{对方}家" → "楼上邻居家"), so a person
//           is always written after a role noun; an organisation by its name or nickname
//   {金额}  the money at stake, {时长} a duration, {地} the place, {数} a small head count, {年龄} the
//           complainant's age, {配偶} {前配偶} {子女} {兄妹} kinship words seen from the speaker, and any var.
// Facts and asks never carry risk signals themselves: those are added per report, so that the risk mix is
// controlled and every signal is labelled in the truth.
import type { Category } from "./categories.js";

export type PlaceNeed = "home" | "flat" | "village" | "shop" | "food" | "health" | "training" | "market" | "factory" | "road" | "landmark" | "school";
export type OtherKind = "neighbour" | "family" | "person" | "shop" | "factory" | "company" | "developer" | "property" | "hospital" | "committee" | "demolition";
/** The kinship between the complainant (A) and the other party (B). */
export type Pair = "couple" | "ex-couple" | "engaged" | "parent-of" | "sibling" | "in-law";

export interface Story {
  id: string;
  category: Category;
  topic: string[];
  /** For the mediation register's 系…关系. */
  rel: string;
  place: PlaceNeed;
  /** Which shops fit (by name or kind): an electronics complaint belongs at a 数码城, not a noodle bar. */
  where?: RegExp;
  other: OtherKind;
  /** For an invented company: what it does (建筑工程有限公司 for a building site). */
  business?: string[];
  pair?: Pair;
  /** Where B lives relative to A, for neighbours. */
  near?: "above" | "below" | "across" | "near";
  /** Age range of the complainant, when the story needs it (an old parent). */
  aAge?: [number, number];
  aGender?: "M" | "F";
  /** Workers from other provinces are common in labour stories. */
  migrant?: boolean;
  amount?: [number, number];
  vars?: Record<string, string[]>;
  facts: string[];
  asks: string[];
  /** The other party's side of it, when they report too. */
  counter?: string[];
}

export type StoryInput = Omit<Story, "category">;

export function stories(category: Category, list: StoryInput[]): Story[] {
  return list.map((s) => ({ ...s, category }));
}

export const DEFAULT_DURATIONS = ["一个多月", "两个多月", "半年多", "大半年", "三个多月", "一年多", "好几个月", "半个多月"];
